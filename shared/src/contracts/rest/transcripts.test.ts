import { describe, expect, it } from 'vitest';
import { describeSchemas } from '../../testing/schema-cases';
import * as transcripts from './transcripts';

const LINE = {
  id: 1,
  meeting_id: 42,
  user_id: 7,
  speaker_name: 'Ada',
  text: '我们周五发布',
  start_at: '2026-11-30T10:00:00.000Z',
  end_at: '2026-11-30T10:00:02.400Z',
  offset_ms: 0,
  language: 'zh',
  engine: 'whisper',
  model: 'base',
  confidence: 0.7,
};

describeSchemas('transcript contracts', transcripts, {
  TranscriptLineSchema: {
    valid: [LINE, { ...LINE, engine: 'pocketsphinx', offset_ms: 65_000 }],
    invalid: [
      { ...LINE, offset_ms: -1 },
      { ...LINE, engine: 'google' },
      { ...LINE, confidence: 3 },
    ],
  },
  TranscriptQuerySchema: {
    valid: [{}, { page: '2', page_size: '500', q: 'ship' }],
    invalid: [{ page_size: '501' }, { q: '' }, { q: 'x'.repeat(201) }, { page: '0' }, { sort: 'asc' }],
  },
  TranscriptExportFormatSchema: { valid: ['txt', 'srt', 'vtt', 'json'], invalid: ['pdf', ''] },
  TranscriptExportQuerySchema: { valid: [{}, { format: 'srt' }], invalid: [{ format: 'docx' }, { f: 'txt' }] },
});

describe('TranscriptQuerySchema', () => {
  it('pages by 100 unless asked otherwise', () => {
    expect(transcripts.TranscriptQuerySchema.parse({})).toEqual({ page: 1, page_size: 100 });
  });
});
