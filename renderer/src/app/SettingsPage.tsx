import type { BridgeResponse } from '@meetai/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getBridge } from '../bridge/get-bridge';
import { signOut, useSessionStore } from '../features/session';
import { ThemeSelect, updateSettings, useSettingsStore } from '../features/settings';
import { LanguageSelect } from '../ui/LanguageSelect';
import './settings-page.css';

/** Settings and the account together: it needs both features, so it lives in app/ rather than in either. */
export function SettingsPage() {
  const { t } = useTranslation();
  const serverUrl = useSettingsStore((s) => s.settings.server_url);
  const language = useSettingsStore((s) => s.settings.language);
  const user = useSessionStore((s) => s.user);
  const [info, setInfo] = useState<BridgeResponse<'app:getInfo'> | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void getBridge()
      .appGetInfo()
      .then((result) => isCurrent && setInfo(result));
    return () => {
      isCurrent = false;
    };
  }, []);

  return (
    <div className="page settings">
      <h1>{t('settings.title')}</h1>
      <section className="card settings__section" aria-labelledby="settings-general">
        <h2 id="settings-general" className="visually-hidden">
          {t('settings.title')}
        </h2>
        <LanguageSelect value={language} onChange={(choice) => void updateSettings({ language: choice })} />
        <ThemeSelect />
      </section>
      <section className="card settings__section" aria-labelledby="settings-server">
        <h2 id="settings-server">{t('settings.server')}</h2>
        <div className="settings__row">
          <span className="mono" data-testid="settings-server-url">
            {serverUrl}
          </span>
          <Link className="button" to="/server" data-testid="settings-change-server">
            {t('server.change')}
          </Link>
        </div>
      </section>
      <section className="card settings__section" aria-labelledby="settings-account">
        <h2 id="settings-account">{t('settings.account')}</h2>
        <div className="settings__row">
          <span>{user ? t('nav.signedInAs', { name: `${user.nickname} (${user.username})` }) : null}</span>
          <button type="button" className="button" onClick={() => void signOut()} data-testid="settings-signout">
            {t('nav.signOut')}
          </button>
        </div>
      </section>
      {info ? (
        <p className="muted settings__about" data-testid="settings-version">
          {t('app.name')} · {t('settings.version', { version: info.version, platform: info.platform })}
        </p>
      ) : null}
    </div>
  );
}
