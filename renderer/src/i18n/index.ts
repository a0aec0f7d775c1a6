import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageSetting } from '@meetai/shared';
import { ANALYSIS_NAMESPACE, analysisResources } from '../features/analysis/i18n';
import { ROOM_NAMESPACE, roomResources } from '../features/room/i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

export const AppLanguages = ['en', 'zh-CN'] as const;
export type AppLanguage = (typeof AppLanguages)[number];

export const resources = {
  en: { translation: en, [ROOM_NAMESPACE]: roomResources.en, [ANALYSIS_NAMESPACE]: analysisResources.en },
  'zh-CN': {
    translation: zhCN,
    [ROOM_NAMESPACE]: roomResources['zh-CN'],
    [ANALYSIS_NAMESPACE]: analysisResources['zh-CN'],
  },
} as const;

/**
 * 'auto' takes the first preferred language we speak: any Chinese variant
 * gets zh-CN (the only Chinese we ship), any English gets en.
 */
export function resolveLanguage(setting: LanguageSetting, preferred: readonly string[]): AppLanguage {
  if (setting !== 'auto') return setting;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function preferredLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** One i18next instance for the app, initialised synchronously (the resources are bundled). */
export function initI18n(language: AppLanguage): I18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      ns: ['translation', ROOM_NAMESPACE, ANALYSIS_NAMESPACE],
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...AppLanguages],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  applyLanguage(language);
  return i18next;
}

export function applyLanguage(language: AppLanguage): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next as i18n };
