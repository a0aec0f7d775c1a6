import type { CaptionsStatus, LanguageChoice } from '@meetai/shared';
import type { SpeechEngine } from '../asr/speech-engine';

/**
 * The room's view of its captions, from the engine's health and the meeting's
 * state. The sentence is English for logs and tooltips; clients translate by `state`.
 */
export function captionsStatus(input: {
  engine: SpeechEngine | null;
  isEnabled: boolean;
  language: LanguageChoice;
  isBehind: boolean;
}): CaptionsStatus {
  const { engine, isEnabled, language, isBehind } = input;
  if (!engine) {
    return {
      enabled: false,
      state: 'off',
      reason: 'Speech recognition is switched off on this server (AI_ASR_ENGINE=off).',
      engine: null,
      model: null,
      languages: [],
      language,
    };
  }
  const info = engine.info();
  const base = { engine: info.engine, model: info.model, languages: info.languages, language };
  if (!isEnabled) return { ...base, enabled: false, state: 'off', reason: 'The host switched captions off.' };
  switch (info.status) {
    case 'unavailable':
      return {
        ...base,
        enabled: true,
        state: 'unavailable',
        reason: info.reason ?? 'The speech engine is unavailable.',
      };
    case 'starting':
    case 'restarting':
      return {
        ...base,
        enabled: true,
        state: 'paused',
        reason: info.reason ?? 'The speech engine is restarting; captions resume by themselves.',
      };
    case 'ready':
      return isBehind
        ? {
            ...base,
            enabled: true,
            state: 'delayed',
            reason: 'The speech engine is behind; captions arrive late and without live previews.',
          }
        : { ...base, enabled: true, state: 'active', reason: null };
  }
}
