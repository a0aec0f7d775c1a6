import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiHealth, AiInfo, AsrResult, TranscriptLine } from '@meetai/shared';
import { librivoxClips } from '../src/ai/testing/audio-fixtures';
import { wordErrorRate } from '../src/ai/testing/wer';
import { TranscriptRepository } from '../src/ai/transcripts/transcript-repository';
import { openDatabase, type AppDatabase } from '../src/storage/database';
import { body, call, createMeeting, signUp, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';
import { wavFile } from './helpers/wav';

/** The seed's `/ai/*` routes and the transcript routes, on the real app with the pocketsphinx engine. */

let t: TestApp;
let session: Session;
let side: AppDatabase;

beforeAll(async () => {
  t = await buildTestApp({ AI_ASR_ENGINE: 'pocketsphinx', AI_POCKETSPHINX_DECODERS: '1' });
  session = await signUp(t.app, 'asr');
  side = await openDatabase(t.dataDir);
}, 60_000);

afterAll(async () => {
  await side?.close();
  await t?.close();
});

describe('GET /ai/info and /ai/health', () => {
  it('names the engine, its model and languages, and says how to get Chinese captions', async () => {
    const response = await call(t.app, 'GET', '/api/v1/ai/info');
    expect(response.statusCode).toBe(200);
    const info = body<AiInfo>(response).data;
    expect(info.asr).toMatchObject({
      engine: 'pocketsphinx',
      languages: ['en'],
      is_multilingual: false,
      status: 'ready',
    });
    expect(info.asr?.versions).toHaveProperty('libpocketsphinx3');
    expect(info.notes.join(' ')).toMatch(/AI_WHISPER_MODEL/);
  });

  it('reports the engine ready', async () => {
    const health = body<AiHealth>(await call(t.app, 'GET', '/api/v1/ai/health')).data;
    expect(health).toMatchObject({ status: 'up', asr: 'ready', live_taps: 0 });
  });
});

describe('POST /ai/asr', () => {
  it('transcribes an uploaded LibriVox clip and says which engine did', async () => {
    const clip = librivoxClips()[1]!;
    const audio_data = readFileSync(clip.path16k).toString('base64');
    // Over the gateway's 64 KB JSON limit: the route takes its own.
    expect(audio_data.length).toBeGreaterThan(64 * 1024);
    const response = await call(t.app, 'POST', '/api/v1/ai/asr', { audio_data, language: 'en' }, session.token);
    expect(response.statusCode).toBe(200);
    const result = body<AsrResult>(response).data;
    expect(result).toMatchObject({ engine: 'pocketsphinx', language: 'en' });
    expect(result.audio_ms).toBeGreaterThan(2500);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    // pocketsphinx straight from WAV: ~26% over the clips; 0.5 leaves room for this short one.
    expect(wordErrorRate(clip.text, result.text)).toBeLessThan(0.5);
  });

  it('accepts raw 16-bit PCM too', async () => {
    const clip = librivoxClips()[1]!;
    const pcm = readFileSync(clip.path16k).subarray(44);
    const response = await call(
      t.app,
      'POST',
      '/api/v1/ai/asr',
      { audio_data: pcm.toString('base64'), format: 'pcm', sample_rate: 16000 },
      session.token,
    );
    expect(response.statusCode).toBe(200);
    expect(body<AsrResult>(response).data.text.length).toBeGreaterThan(0);
  });

  const badAudio: Array<[string, () => Record<string, unknown>, RegExp]> = [
    ['not base64', () => ({ audio_data: 'not base64 at all!' }), /base64/],
    ['not a WAV file', () => ({ audio_data: Buffer.from('hello, this is text').toString('base64') }), /WAV/],
    [
      'a WAV at the wrong rate',
      () => ({ audio_data: wavFile(new Int16Array(4800), 48000).toString('base64') }),
      /48000 Hz.*16000/,
    ],
    ['an empty WAV', () => ({ audio_data: wavFile(new Int16Array(0)).toString('base64') }), /empty/],
    [
      'a WAV over a minute',
      () => ({ audio_data: wavFile(new Int16Array(16000 * 61)).toString('base64') }),
      /61\.0 s.*60 s/,
    ],
    ['PCM cut mid-sample', () => ({ audio_data: Buffer.alloc(3).toString('base64'), format: 'pcm' }), /16-bit/],
  ];
  for (const [what, payload, sentence] of badAudio) {
    it(`refuses ${what} with 400 BAD_AUDIO and a sentence`, async () => {
      const response = await call(t.app, 'POST', '/api/v1/ai/asr', payload(), session.token);
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toBe('BAD_AUDIO');
      expect(body(response).message).toMatch(sentence);
    });
  }

  it('refuses an unknown format, a foreign language and missing audio as validation errors', async () => {
    for (const payload of [{ audio_data: 'AAAA', format: 'mp3' }, { audio_data: 'AAAA', language: 'fr' }, {}]) {
      const response = await call(t.app, 'POST', '/api/v1/ai/asr', payload, session.token);
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toBe('VALIDATION_FAILED');
    }
  });

  it('needs a signed-in user, and refuses bodies over its limit with 413', async () => {
    expect((await call(t.app, 'POST', '/api/v1/ai/asr', { audio_data: 'AAAA' })).statusCode).toBe(401);
    const huge = { audio_data: 'A'.repeat(3 * 1024 * 1024 + 8) };
    const response = await call(t.app, 'POST', '/api/v1/ai/asr', huge, session.token);
    expect(response.statusCode).toBe(413);
  });
});

describe('GET /meetings/:id/transcript and its export', () => {
  let meetingId: number;
  const lines = [
    ['Ada', 'Let us ship the release on Friday.', 'en', 0],
    ['Bo', '好的，我负责测试。', 'zh', 4000],
    ['Ada', 'Then Friday it is, unless the tests fail.', 'en', 9000],
  ] as const;

  beforeAll(async () => {
    const meeting = await createMeeting(t.app, session, { title: 'Release sync' });
    meetingId = meeting.id;
    const repository = new TranscriptRepository(side.db);
    const start = Date.parse('2026-11-30T10:00:00.000Z');
    for (const [speaker, text, language, offset] of lines) {
      await repository.add({
        meeting_id: meetingId,
        user_id: session.user.id,
        speaker_name: speaker,
        text,
        start_at: new Date(start + offset).toISOString(),
        end_at: new Date(start + offset + 2500).toISOString(),
        language,
        engine: 'whisper',
        model: 'base',
        confidence: 0.8,
      });
    }
  });

  const transcript = (query = '', token = session.token) =>
    call(t.app, 'GET', `/api/v1/meetings/${meetingId}/transcript${query}`, undefined, token);

  it('lists the lines in spoken order with offsets from the first, paged', async () => {
    const page = body<{ list: TranscriptLine[]; total: number; total_pages: number }>(
      await transcript('?page_size=2'),
    ).data;
    expect(page.total).toBe(3);
    expect(page.total_pages).toBe(2);
    expect(page.list.map((l) => [l.speaker_name, l.offset_ms])).toEqual([
      ['Ada', 0],
      ['Bo', 4000],
    ]);
    const second = body<{ list: TranscriptLine[] }>(await transcript('?page=2&page_size=2')).data;
    expect(second.list.map((l) => l.text)).toEqual([lines[2][1]]);
  });

  it('searches English words, Chinese phrases of three characters and more, and short Chinese words', async () => {
    const search = async (q: string) =>
      body<{ list: TranscriptLine[] }>(await transcript(`?q=${encodeURIComponent(q)}`)).data.list.map((l) => l.text);
    expect(await search('friday')).toEqual([lines[0][1], lines[2][1]]);
    expect(await search('负责测试')).toEqual([lines[1][1]]);
    expect(await search('测试')).toEqual([lines[1][1]]);
    expect(await search('nothing like this')).toEqual([]);
  });

  it('is refused to someone who never attended, and for an unknown meeting', async () => {
    const stranger = await signUp(t.app, 'stranger');
    const refused = await transcript('', stranger.token);
    expect(refused.statusCode).toBe(403);
    expect(body(refused).error).toBe('NOT_A_PARTICIPANT');
    const missing = await call(t.app, 'GET', '/api/v1/meetings/999999/transcript', undefined, session.token);
    expect(missing.statusCode).toBe(404);
    const bad = await transcript('?page_size=9000');
    expect(body(bad).error).toBe('VALIDATION_FAILED');
  });

  it('exports txt, srt, vtt and json as files named after the meeting code', async () => {
    const exported = async (format: string) => {
      const response = await call(
        t.app,
        'GET',
        `/api/v1/meetings/${meetingId}/transcript/export?format=${format}`,
        undefined,
        session.token,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="transcript-\d{3}-\d{3}-\d{3}\./);
      return response.body;
    };
    expect(await exported('txt')).toContain('[00:00:04] Bo: 好的，我负责测试。');
    expect(await exported('srt')).toContain('2\n00:00:04,000 --> 00:00:06,500\nBo: 好的，我负责测试。');
    expect(await exported('vtt')).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:02\.500\nAda: Let us ship/);
    const json = JSON.parse(await exported('json')) as { meeting: Record<string, unknown>; lines: unknown[] };
    expect(json.lines).toHaveLength(3);
    expect(Object.keys(json.meeting).sort()).toEqual(['code', 'id', 'title']);
    const bad = await call(
      t.app,
      'GET',
      `/api/v1/meetings/${meetingId}/transcript/export?format=docx`,
      undefined,
      session.token,
    );
    expect(bad.statusCode).toBe(400);
  });
});
