import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { getBridge } from '../bridge/get-bridge';
import { applyLanguage, preferredLanguages, resolveLanguage } from '../i18n';
import { createLogger } from '../lib/logger';
import { useMeetingStartAlerts } from '../features/meetings';
import { applyTheme, useSettingsStore } from '../features/settings';
import { useDesktopNavigation } from './desktop-navigation';

const log = createLogger('app');
let hasAnnouncedReady = false;

/** Keeps <html> in step with the settings: theme, and language (following the OS when 'auto'). */
function useAppearanceSync(): void {
  const theme = useSettingsStore((s) => s.settings.theme);
  const language = useSettingsStore((s) => s.settings.language);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const apply = () => applyLanguage(resolveLanguage(language, preferredLanguages()));
    apply();
    if (language !== 'auto') return;
    window.addEventListener('languagechange', apply);
    return () => window.removeEventListener('languagechange', apply);
  }, [language]);
}

/**
 * Deep links from the desktop shell open the meeting's join route. Main holds
 * links until told the renderer is listening, so `app:ready` goes out only
 * after the listener is attached, and only once.
 */
function useDeepLinks(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const bridge = getBridge();
    const unsubscribe = bridge.on('deeplink:open', (link) => {
      log.info(`deeplink:open | ${link.route} ${link.code}`);
      navigate(`/join/${link.code}`);
    });
    if (!hasAnnouncedReady) {
      hasAnnouncedReady = true;
      bridge.appReady().catch((error: unknown) => log.warn('app:ready failed', error));
    }
    return unsubscribe;
  }, [navigate]);
}

export function AppEffects() {
  useAppearanceSync();
  useDeepLinks();
  // Desktop app only (both do nothing in a browser): the shell's views, and meetings about to start.
  useDesktopNavigation();
  useMeetingStartAlerts();
  return null;
}
