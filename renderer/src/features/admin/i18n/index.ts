import type { i18n as I18n } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Admin mode's strings: the `admin` namespace, added when its lazy chunk loads (only admins ever need them). */
export const ADMIN_NAMESPACE = 'admin';

export const adminResources = {
  en,
  'zh-CN': zhCN,
} as const;

export function registerAdminStrings(i18n: I18n): void {
  for (const [language, strings] of Object.entries(adminResources)) {
    if (!i18n.hasResourceBundle(language, ADMIN_NAMESPACE)) {
      i18n.addResourceBundle(language, ADMIN_NAMESPACE, strings, true, false);
    }
  }
}
