import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { redirectInvitePath } from './app/invite-path';
import { wireApi } from './app/wire-api';
import { restoreSession } from './features/session';
import { applyTheme, loadSettings, useSettingsStore } from './features/settings';
import { initI18n, preferredLanguages, resolveLanguage } from './i18n';
import { createLogger } from './lib/logger';
import './styles/tokens.css';
import './styles/base.css';

const log = createLogger('main');

async function start(): Promise<void> {
  redirectInvitePath(window.location, window.history);
  wireApi();
  // Settings come first: they pick the language and theme of the very first frame.
  await loadSettings().catch((error: unknown) => log.error('loadSettings() failed, using defaults', error));
  const { settings } = useSettingsStore.getState();
  initI18n(resolveLanguage(settings.language, preferredLanguages()));
  applyTheme(settings.theme);

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await restoreSession();
}

void start();
