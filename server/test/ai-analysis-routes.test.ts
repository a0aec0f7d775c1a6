import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmotionResult, MeetingSummary, SummaryResult, SynthesisResult } from '@meetai/shared';
import { voiceClips } from '../src/ai/testing/audio-fixtures';
import { TranscriptRepository } from '../src/ai/transcripts/transcript-repository';
import { openDatabase, type AppDatabase } from '../src/storage/database';
import { body, call, createMeeting, signUp, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';
import { wavFile } from './helpers/wav';

/** `/ai/emotion`, `/ai/synthesis`, `/ai/summary` and a meeting's summary, on the real app. */

let t: TestApp;
let session: Session;
let side: AppDatabase;

beforeAll(async () => {
  t = await buildTestApp({ AI_ASR_ENGINE: 'pocketsphinx', AI_POCKETSPHINX_DECODERS: '1' });
  session = await signUp(t.app, 'analysis');
  side = await openDatabase(t.dataDir);
}, 60_000);

afterAll(async () => {
  await side?.close();
  await t?.close();
});

const post = (url: string, payload: unknown, token: string | undefined = session.token) =>
  call(t.app, 'POST', `/api/v1${url}`, payload, token);

describe('POST /ai/emotion', () => {
  it('reads English and Chinese, naming the method and the language read', async () => {
    const english = body<EmotionResult>(await post('/ai/emotion', { text: 'I am furious about these delays.' })).data;
    expect(english).toMatchObject({ emotion: 'anger', language: 'en', signals: ['words'], arousal: null });
    expect(english.method).toMatch(/VADER/);
    const chinese = body<EmotionResult>(await post('/ai/emotion', { text: '太好了，我特别开心！' })).data;
    expect(chinese).toMatchObject({ emotion: 'joy', language: 'zh' });
  });

  it('refuses empty text, a foreign language, unknown fields and anonymous callers', async () => {
    for (const payload of [
      { text: '' },
      { text: '   ' },
      { text: 'hi', language: 'fr' },
      { text: 'hi', mood: 1 },
      {},
    ]) {
      const response = await post('/ai/emotion', payload);
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toBe('VALIDATION_FAILED');
    }
    expect((await call(t.app, 'POST', '/api/v1/ai/emotion', { text: 'hi' })).statusCode).toBe(401);
  });
});

describe('POST /ai/synthesis', () => {
  it('scores an uploaded clip, labelled as the experimental indicator with its method and features', async () => {
    const clip = voiceClips().find((c) => c.kind === 'synthetic' && c.split === 'held-out')!;
    const response = await post('/ai/synthesis', { audio_data: readFileSync(clip.path16k).toString('base64') });
    expect(response.statusCode).toBe(200);
    const result = body<SynthesisResult>(response).data;
    expect(result.label).toBe('experimental synthetic-voice indicator');
    expect(result.method).toMatch(/jitter/);
    expect(result.features).toHaveProperty('hnrDb');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.audio_ms).toBeGreaterThan(1000);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['not base64', { audio_data: 'not base64 at all!' }, /base64/],
    ['not a WAV file', { audio_data: Buffer.from('plain text').toString('base64') }, /WAV/],
    ['a WAV at 48 kHz', { audio_data: wavFile(new Int16Array(4800), 48000).toString('base64') }, /48000 Hz/],
    ['an empty WAV', { audio_data: wavFile(new Int16Array(0)).toString('base64') }, /empty/],
    ['silence', { audio_data: wavFile(new Int16Array(32000)).toString('base64') }, /too little voiced speech/],
  ];
  for (const [what, payload, sentence] of bad) {
    it(`refuses ${what} with 400 BAD_AUDIO and a sentence`, async () => {
      const response = await post('/ai/synthesis', payload);
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toBe('BAD_AUDIO');
      expect(body(response).message).toMatch(sentence);
    });
  }

  it('refuses a missing clip, an unknown format and a language field as validation errors', async () => {
    for (const payload of [{}, { audio_data: 'AAAA', format: 'mp3' }, { audio_data: 'AAAA', language: 'en' }]) {
      const response = await post('/ai/synthesis', payload);
      expect(response.statusCode).toBe(400);
      expect(body(response).error).toBe('VALIDATION_FAILED');
    }
  });
});

describe('POST /ai/summary', () => {
  it('summarises posted text and finds its decisions and actions', async () => {
    const text = [
      'We looked at the numbers for the mobile release.',
      'The payment screen still crashes on older phones.',
      'We decided to delay the mobile release by one week.',
      'Cy will fix the payment screen crash by Thursday.',
    ].join('\n');
    const result = body<SummaryResult>(await post('/ai/summary', { text, max_sentences: 2 })).data;
    expect(result.sentences).toHaveLength(2);
    expect(result.action_items.map((item) => [item.kind, item.index])).toEqual([
      ['decision', 2],
      ['action', 3],
    ]);
    expect(result.action_items[1]).toMatchObject({ who: 'Cy', when: 'by Thursday' });
  });

  it('refuses empty text and a silly sentence count', async () => {
    for (const payload of [{ text: '' }, { text: 'x', max_sentences: 0 }, { text: 'x', language: 'de' }]) {
      expect((await post('/ai/summary', payload)).statusCode).toBe(400);
    }
  });
});

describe("a meeting's summary", () => {
  let meetingId: number;
  const lines = [
    ['Ada', 'The release plan needs a new date because the payment screen crashes.'],
    ['Bo', 'We decided to move the release plan to next Friday.'],
    ['Cy', 'I will fix the payment screen crash by Wednesday.'],
    ['Ada', 'Nice weather today.'],
  ] as const;

  beforeAll(async () => {
    meetingId = (await createMeeting(t.app, session, { title: 'Release sync' })).id;
    const repository = new TranscriptRepository(side.db);
    const start = Date.parse('2026-11-30T10:00:00.000Z');
    for (const [i, [speaker, text]] of lines.entries()) {
      await repository.add({
        meeting_id: meetingId,
        user_id: session.user.id,
        speaker_name: speaker,
        text,
        start_at: new Date(start + i * 5000).toISOString(),
        end_at: new Date(start + i * 5000 + 3000).toISOString(),
        language: 'en',
        engine: 'pocketsphinx',
        model: 'en-us',
        confidence: 0.8,
        emotion: i === 3 ? { emotion: 'joy', confidence: 0.6, method: 'test' } : null,
      });
    }
  });

  it('has none before it is made, then is made on demand with items linked to their lines', async () => {
    const none = await call(t.app, 'GET', `/api/v1/meetings/${meetingId}/summary`, undefined, session.token);
    expect(none.statusCode).toBe(404);
    const made = await post(`/meetings/${meetingId}/summary`, undefined);
    expect(made.statusCode).toBe(200);
    const summary = body<MeetingSummary>(made).data;
    expect(summary.is_final).toBe(false);
    expect(summary.action_items.map((item) => [item.kind, item.speaker_name, item.who])).toEqual([
      ['decision', 'Bo', null],
      ['action', 'Cy', 'Cy'],
    ]);
    expect(summary.action_items[1]!.offset_ms).toBe(10_000);
    const read = body<MeetingSummary>(
      await call(t.app, 'GET', `/api/v1/meetings/${meetingId}/summary`, undefined, session.token),
    ).data;
    expect(read).toEqual(summary);
  });

  it('heads the text export and is part of the JSON export; lines keep their emotion', async () => {
    const text = await call(
      t.app,
      'GET',
      `/api/v1/meetings/${meetingId}/transcript/export?format=txt`,
      undefined,
      session.token,
    );
    expect(text.body).toMatch(/Summary \(TextRank[\s\S]*Decision: We decided[\s\S]*Transcript:/);
    const json = JSON.parse(
      (
        await call(
          t.app,
          'GET',
          `/api/v1/meetings/${meetingId}/transcript/export?format=json`,
          undefined,
          session.token,
        )
      ).body,
    ) as { summary: MeetingSummary; lines: Array<{ emotion: unknown }> };
    expect(json.summary.meeting_id).toBe(meetingId);
    expect(json.lines[3]!.emotion).toEqual({ emotion: 'joy', confidence: 0.6, method: 'test' });
  });

  it('is made final when the host ends the meeting', async () => {
    const ended = await post(`/meetings/${meetingId}/end`, undefined);
    expect(ended.statusCode).toBeLessThan(300);
    await expect
      .poll(
        async () =>
          body<MeetingSummary>(
            await call(t.app, 'GET', `/api/v1/meetings/${meetingId}/summary`, undefined, session.token),
          ).data?.is_final,
      )
      .toBe(true);
  });

  it('is refused to someone who never attended', async () => {
    const stranger = await signUp(t.app, 'stranger');
    const refused = await call(t.app, 'GET', `/api/v1/meetings/${meetingId}/summary`, undefined, stranger.token);
    expect(refused.statusCode).toBe(403);
    expect((await post(`/meetings/${meetingId}/summary`, undefined, stranger.token)).statusCode).toBe(403);
  });
});
