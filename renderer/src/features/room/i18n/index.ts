import en from './en.json';
import zhCN from './zh-CN.json';

/** The room's strings, registered by the app's i18n setup as the `room` namespace. */
export const ROOM_NAMESPACE = 'room';

export const roomResources = {
  en,
  'zh-CN': zhCN,
} as const;
