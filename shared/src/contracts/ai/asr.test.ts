import { describe, expect, it } from 'vitest';
import { describeSchemas } from '../../testing/schema-cases';
import * as asr from './asr';

const ENGINE_INFO = {
  engine: 'whisper',
  model: 'tiny.en',
  versions: { 'faster-whisper': '1.1.1' },
  languages: ['en'],
  is_multilingual: false,
  status: 'ready',
  reason: null,
};

describeSchemas('ASR contracts', asr, {
  AsrRequestSchema: {
    valid: [
      { audio_data: 'UklGRg==' },
      { audio_data: 'UklGRg==', format: 'pcm', sample_rate: 16000, channels: 1, language: 'zh', meeting_id: 7 },
    ],
    invalid: [
      { audio_data: '' },
      { audio_data: 'UklGRg==', format: 'mp3' },
      { audio_data: 'UklGRg==', sample_rate: 100 },
      { audio_data: 'UklGRg==', language: 'fr' },
      { audio_data: 'UklGRg==', extra: true },
      {},
    ],
  },
  AsrResultSchema: {
    valid: [
      {
        text: 'hello',
        confidence: 0.9,
        language: 'en',
        audio_ms: 1200,
        duration_ms: 180,
        engine: 'pocketsphinx',
        model: 'en-us',
      },
    ],
    invalid: [{ text: 'hello', confidence: 0.9, language: 'en', audio_ms: 1200, duration_ms: 180, engine: 'x' }],
  },
  EngineStatusSchema: { valid: ['ready', 'starting', 'restarting', 'unavailable'], invalid: ['up'] },
  AsrEngineInfoSchema: {
    valid: [ENGINE_INFO, { ...ENGINE_INFO, status: 'unavailable', reason: 'AI_WHISPER_MODEL points nowhere' }],
    invalid: [
      { ...ENGINE_INFO, languages: ['de'] },
      { ...ENGINE_INFO, reason: undefined },
    ],
  },
  AiInfoSchema: {
    valid: [
      { service: 'ai', version: '0.1.0', asr: ENGINE_INFO, vad: { method: 'silero', version: '5' }, notes: [] },
      { service: 'ai', version: '0.1.0', asr: null, vad: { method: 'silero', version: '5' }, notes: ['off'] },
    ],
    invalid: [{ service: 'gateway', version: '0.1.0', asr: null, vad: { method: 'x', version: '1' }, notes: [] }],
  },
  AiHealthSchema: {
    valid: [{ status: 'up', asr: 'ready', message: null, live_taps: 2, queued_utterances: 0 }],
    invalid: [{ status: 'ok', asr: 'ready', message: null, live_taps: 2, queued_utterances: 0 }],
  },
});

describe('AsrRequestSchema defaults', () => {
  it('fills in the seed defaults: WAV, 16 kHz, mono, language detected', () => {
    expect(asr.AsrRequestSchema.parse({ audio_data: 'AA==' })).toMatchObject({
      format: 'wav',
      sample_rate: 16000,
      channels: 1,
      language: 'auto',
    });
  });
});
