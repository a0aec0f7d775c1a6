import en from './en.json';
import zhCN from './zh-CN.json';

/** Strings of emotion, the synthetic-voice indicator and summaries: the `analysis` namespace. */
export const ANALYSIS_NAMESPACE = 'analysis';

export const analysisResources = {
  en,
  'zh-CN': zhCN,
} as const;
