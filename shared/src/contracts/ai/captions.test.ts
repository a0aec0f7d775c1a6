import { CAPTION, CAPTIONS_STATUS } from '../../testing/fixtures';
import { describeSchemas } from '../../testing/schema-cases';
import * as captions from './captions';

describeSchemas('caption contracts', captions, {
  CaptionLanguageSchema: { valid: ['en', 'zh'], invalid: ['auto', 'fr', ''] },
  LanguageChoiceSchema: { valid: ['auto', 'en', 'zh'], invalid: ['EN', null] },
  AsrEngineNameSchema: { valid: ['whisper', 'pocketsphinx'], invalid: ['vosk', ''] },
  ConfidenceSchema: { valid: [0, 0.5, 1], invalid: [-0.1, 1.01, '0.5'] },
  CaptionSchema: {
    valid: [CAPTION, { ...CAPTION, isFinal: false, text: '', language: 'zh', engine: 'pocketsphinx' }],
    invalid: [
      { ...CAPTION, confidence: 2 },
      { ...CAPTION, engine: 'magic' },
      { ...CAPTION, id: '' },
      { ...CAPTION, text: 'x'.repeat(4001) },
      { ...CAPTION, startMs: -1 },
    ],
  },
  CaptionsStateSchema: { valid: ['off', 'active', 'delayed', 'paused', 'unavailable'], invalid: ['on', 'down'] },
  CaptionsStatusSchema: {
    valid: [
      CAPTIONS_STATUS,
      {
        ...CAPTIONS_STATUS,
        enabled: false,
        state: 'off',
        reason: 'The host switched captions off.',
        engine: null,
        model: null,
      },
    ],
    invalid: [{ ...CAPTIONS_STATUS, state: 'on' }, { ...CAPTIONS_STATUS, languages: ['fr'] }, { enabled: true }],
  },
});
