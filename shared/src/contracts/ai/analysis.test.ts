import { describe, expect, it } from 'vitest';
import { ANALYSIS_STATUS, EMOTION_ESTIMATE, SYNTHESIS_ALERT } from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as analysis from './analysis';
import * as emotion from './emotion';

const ITEM = {
  kind: 'action',
  text: 'Bo will send the report by Friday.',
  who: 'Bo',
  what: 'send the report',
  when: 'by Friday',
  index: 3,
};
const REF = { line_id: 12, speaker_name: 'Bo', offset_ms: 61_000 };

describeSchemas('emotion contracts', emotion, {
  EmotionLabelSchema: { valid: ['joy', 'neutral'], invalid: ['bored', ''] },
  EmotionSignalSchema: { valid: ['words', 'voice'], invalid: ['face'] },
  EmotionScoresSchema: {
    valid: [EMOTION_ESTIMATE.emotions],
    invalid: [{ ...EMOTION_ESTIMATE.emotions, joy: 1.2 }, { joy: 1 }],
  },
  EmotionEstimateSchema: {
    valid: [EMOTION_ESTIMATE, { ...EMOTION_ESTIMATE, arousal: 0.8, signals: ['words', 'voice'] }],
    invalid: [
      { ...EMOTION_ESTIMATE, signals: [] },
      { ...EMOTION_ESTIMATE, valence: -2 },
      { ...EMOTION_ESTIMATE, method: '' },
    ],
  },
  LineEmotionSchema: {
    valid: [{ emotion: 'anger', confidence: 0.6, method: 'VADER' }],
    invalid: [{ emotion: 'anger', confidence: 0.6 }],
  },
});

describeSchemas('analysis contracts', analysis, {
  SynthesisAlertSchema: { valid: [SYNTHESIS_ALERT], invalid: [{ ...SYNTHESIS_ALERT, state: 'maybe' }] },
  SpeakerEmotionSchema: {
    valid: [{ peerId: 'p-1', userId: 1, displayName: 'Ada', estimate: EMOTION_ESTIMATE, utterances: 1 }],
    invalid: [{ peerId: 'p-1', userId: 1, displayName: 'Ada', estimate: null, utterances: 1 }],
  },
  AnalysisStatusSchema: { valid: [ANALYSIS_STATUS], invalid: [{ emotion: true }] },
  EmotionRequestSchema: {
    valid: [{ text: 'I love it' }, { text: '太好了', language: 'zh' }],
    invalid: [
      { text: '' },
      { text: '   ' },
      { text: 'x'.repeat(5001) },
      { text: 'hi', language: 'fr' },
      { text: 'hi', extra: 1 },
    ],
  },
  EmotionResultSchema: {
    valid: [{ ...EMOTION_ESTIMATE, language: 'en' }],
    invalid: [{ ...EMOTION_ESTIMATE, language: 'auto' }],
  },
  SynthesisRequestSchema: {
    valid: [{ audio_data: 'UklGRg==' }, { audio_data: 'AAAA', format: 'pcm', sample_rate: 48000, channels: 2 }],
    invalid: [{ audio_data: '' }, { audio_data: 'AAAA', language: 'en' }, {}],
  },
  SynthesisResultSchema: {
    valid: [
      {
        is_synthetic: true,
        score: 0.8,
        confidence: 0.6,
        label: 'experimental synthetic-voice indicator',
        method: 'features',
        features: { jitter: 0.01 },
        audio_ms: 2000,
      },
    ],
    invalid: [
      {
        is_synthetic: true,
        score: 0.8,
        confidence: 0.6,
        label: 'deepfake detector',
        method: 'features',
        features: null,
        audio_ms: 2000,
      },
    ],
  },
  SummaryRequestSchema: {
    valid: [{ text: 'We decided to ship.' }, { text: '我们决定下周发布。', language: 'zh', max_sentences: 3 }],
    invalid: [{ text: '' }, { text: 'x', max_sentences: 0 }, { text: 'x', max_sentences: 21 }],
  },
  ActionItemKindSchema: { valid: ['decision', 'action'], invalid: ['todo'] },
  SummarySentenceSchema: {
    valid: [{ text: 'x', index: 0, score: 0.3 }],
    invalid: [{ text: 'x', index: -1, score: 0 }],
  },
  ActionItemSchema: { valid: [ITEM, { ...ITEM, who: null, when: null }], invalid: [{ ...ITEM, kind: 'todo' }] },
  SummaryResultSchema: {
    valid: [{ summary: 'x', sentences: [], action_items: [ITEM], language: 'en', method: 'TextRank' }],
    invalid: [{ summary: 'x', sentences: [], action_items: [], language: 'fr', method: 'TextRank' }],
  },
  MeetingSummarySchema: {
    valid: [
      {
        meeting_id: 3,
        generated_at: '2026-11-30T10:00:00.000Z',
        is_final: true,
        language: 'en',
        method: 'TextRank',
        summary: 'x',
        sentences: [{ ...REF, text: 'x' }],
        action_items: [{ ...REF, kind: 'decision', text: 'x', who: null, what: 'x', when: null }],
      },
    ],
    invalid: [
      {
        meeting_id: 3,
        generated_at: 'x',
        is_final: true,
        language: 'en',
        method: 'x',
        summary: 'x',
        sentences: [{ text: 'x' }],
        action_items: [],
      },
    ],
  },
});

describe('EmotionRequestSchema', () => {
  it('reads the language as auto unless told', () => {
    expect(analysis.EmotionRequestSchema.parse({ text: 'fine' }).language).toBe('auto');
  });
});
