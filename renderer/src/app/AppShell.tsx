import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { signOut, useSessionStore } from '../features/session';
import { LoadingBlock } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { UpdateBanner } from './UpdateBanner';
import './shell.css';

/** The frame around every signed-in screen. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <Link to="/" className="shell__brand" data-testid="nav-home">
          <span className="brand-logo" aria-hidden="true">
            M
          </span>
          {t('app.name')}
        </Link>
        <nav className="shell__nav" aria-label={t('nav.mainNavigation')}>
          <NavLink to="/" end className="shell__link" data-testid="nav-meetings">
            <Icon name="calendar" size={18} />
            {t('nav.meetings')}
          </NavLink>
          <NavLink to="/settings" className="shell__link" data-testid="nav-settings">
            <Icon name="sliders" size={18} />
            {t('nav.settings')}
          </NavLink>
          {user?.role === 'admin' ? (
            <NavLink to="/admin" className="shell__link" data-testid="nav-admin">
              <Icon name="signal" size={18} />
              {t('nav.admin')}
            </NavLink>
          ) : null}
        </nav>
        <div className="shell__user">
          {user ? (
            <span
              className="shell__avatar"
              title={t('nav.signedInAs', { name: user.nickname || user.username })}
              data-testid="current-user"
            >
              {(user.nickname || user.username).slice(0, 1).toUpperCase()}
            </span>
          ) : null}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void signOut()}
            data-testid="signout-button"
          >
            <Icon name="signOut" size={18} />
            <span className="shell__signout-label">{t('nav.signOut')}</span>
          </button>
        </div>
      </header>
      <UpdateBanner />
      <main id="main" className="shell__main" tabIndex={-1}>
        <Suspense fallback={<LoadingBlock label={t('app.loading')} testId="route-loading" />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
