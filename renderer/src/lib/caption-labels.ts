import type { AsrEngineName } from '@meetai/shared';

/** Engine names are product names: the same in every language. */
const ENGINE_NAMES: Record<AsrEngineName, string> = { whisper: 'Whisper', pocketsphinx: 'PocketSphinx' };

export function engineName(engine: AsrEngineName): string {
  return ENGINE_NAMES[engine];
}

/** Confidence (0..1) as a whole percentage. */
export function confidencePercent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}

/** The primary language subtag: `zh` for `zh-CN`, `en` for `en`. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether a line is in a language other than the one the UI speaks (so it gets a language tag). */
export function isForeignLanguage(lineLanguage: string, uiLanguage: string): boolean {
  return primaryLanguage(lineLanguage) !== primaryLanguage(uiLanguage);
}
