import { ServerUrlSchema, type HealthReport } from '@meetai/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { Notice } from '../../../ui/Feedback';
import { TextField } from '../../../ui/TextField';
import { endSession, useSessionStore } from '../../session';
import { updateSettings, useSettingsStore } from '../../settings';
import { checkServer } from '../api';
import '../server.css';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'failed'; error: unknown }
  | { state: 'down'; report: HealthReport }
  | { state: 'degraded'; report: HealthReport };

function failingChecks(report: HealthReport): string {
  return Object.entries(report.checks)
    .filter(([, check]) => check.status !== 'ok')
    .map(([name, check]) => (check.message ? `${name} (${check.message})` : name))
    .join(', ');
}

/**
 * The server address: validated, probed with /health, then remembered. A
 * working-but-degraded server is accepted with a warning; a down one is not.
 */
export function ServerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state } = useLocation();
  const savedUrl = useSettingsStore((s) => s.settings.server_url);
  const isSignedIn = useSessionStore((s) => s.status === 'signed-in');
  const [url, setUrl] = useState(savedUrl);
  const [inputError, setInputError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const nextPath = isSignedIn ? '/settings' : '/sign-in';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ServerUrlSchema.safeParse(url.trim());
    if (!parsed.success) {
      setInputError(t('server.invalid'));
      return;
    }
    setInputError(null);
    setCheck({ state: 'checking' });
    try {
      const report = await checkServer(parsed.data);
      if (report.status === 'down') {
        setCheck({ state: 'down', report });
        return;
      }
      // A session belongs to the server that issued it.
      if (parsed.data !== savedUrl && isSignedIn) await endSession();
      await updateSettings({ server_url: parsed.data });
      if (report.status === 'degraded') setCheck({ state: 'degraded', report });
      else navigate(nextPath, { replace: true, state });
    } catch (error) {
      setCheck({ state: 'failed', error });
    }
  };

  return (
    <main id="main" className="server-page">
      <section className="card server-page__card" aria-labelledby="server-title">
        <h1 id="server-title">{t('server.title')}</h1>
        <p className="muted">{t('server.intro')}</p>
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <TextField
            label={t('server.label')}
            hint={t('server.hint')}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            error={inputError}
            autoFocus
            data-testid="server-url-input"
          />
          {check.state === 'checking' ? <Notice testId="server-checking">{t('server.checking')}</Notice> : null}
          {check.state === 'failed' ? (
            <Notice tone="error" testId="server-error">
              {errorMessage(t, check.error)}
            </Notice>
          ) : null}
          {check.state === 'down' ? (
            <Notice tone="error" testId="server-error">
              {t('server.down', { checks: failingChecks(check.report) })}
            </Notice>
          ) : null}
          {check.state === 'degraded' ? (
            <Notice tone="warning" testId="server-degraded">
              {t('server.degraded', { checks: failingChecks(check.report) })}
            </Notice>
          ) : null}
          <div className="server-page__actions">
            <button type="button" className="button button--ghost" onClick={() => navigate(nextPath, { state })}>
              {check.state === 'degraded' ? t('server.continue') : t('common.back')}
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={check.state === 'checking'}
              data-testid="server-url-submit"
            >
              {t('server.submit')}
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
