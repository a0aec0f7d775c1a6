import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSelect } from '../../../ui/LanguageSelect';
import { updateSettings, useSettingsStore } from '../../settings';
import './auth.css';

/** The other signed-out screen (sign in ↔ register), offered under the card. */
export interface AuthSwitch {
  prompt: string;
  label: string;
  to: string;
  testId: string;
}

/** The centred card every signed-out screen sits in, with the server and language at hand. */
export function AuthLayout({
  title,
  subtitle,
  switchTo,
  children,
}: {
  title: string;
  subtitle?: string;
  switchTo?: AuthSwitch;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const serverUrl = useSettingsStore((s) => s.settings.server_url);
  const language = useSettingsStore((s) => s.settings.language);
  // Carries "where the user was going" through a detour to the server screen or the other form.
  const { state } = useLocation();
  return (
    <main id="main" className="auth">
      <div className="auth__brand">
        <span className="brand-logo brand-logo--large" aria-hidden="true">
          M
        </span>
        <span className="auth__name">{t('app.name')}</span>
      </div>
      <section className="card auth__card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {subtitle ? <p className="muted auth__subtitle">{subtitle}</p> : null}
        {children}
        {switchTo ? (
          <p className="auth__switch">
            {switchTo.prompt}{' '}
            <Link to={switchTo.to} state={state} data-testid={switchTo.testId}>
              {switchTo.label}
            </Link>
          </p>
        ) : null}
      </section>
      <footer className="auth__footer">
        <span className="muted" data-testid="current-server">
          {t('server.current', { url: serverUrl })}
        </span>
        <Link to="/server" state={state} data-testid="server-change-link">
          {t('server.change')}
        </Link>
        <LanguageSelect
          value={language}
          onChange={(choice) => void updateSettings({ language: choice })}
          testId="auth-language-select"
          compact
        />
      </footer>
    </main>
  );
}
