import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AiInfo, TranscriptLine } from '@meetai/shared';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAppHarness } from '../../../test/app-harness';
import { meetingFixture, tokenPairFixture } from '../../../test/fixtures';
import { fail, ok, type RecordedRequest, type TestServer } from '../../../test/http-test-server';
import { readBlobText } from '../../../test/read-blob';
import { useSessionStore } from '../../session';
import { TranscriptPage } from './TranscriptPage';

const TRANSCRIPT = '/api/v1/meetings/42/transcript';

function line(id: number, speaker: string, text: string, overrides: Partial<TranscriptLine> = {}): TranscriptLine {
  return {
    id,
    meeting_id: 42,
    user_id: speaker === 'Wang Fang' ? 2 : 7,
    speaker_name: speaker,
    text,
    start_at: new Date(Date.parse('2030-03-02T09:00:00Z') + id * 5000).toISOString(),
    end_at: new Date(Date.parse('2030-03-02T09:00:03Z') + id * 5000).toISOString(),
    offset_ms: (id - 1) * 5000,
    language: 'en',
    engine: 'pocketsphinx',
    model: 'en-us',
    confidence: 0.64,
    ...overrides,
  };
}

const aiInfo: AiInfo = {
  service: 'ai',
  version: '0.1.0',
  asr: {
    engine: 'whisper',
    model: 'tiny.en',
    versions: { 'faster-whisper': '1.1.0' },
    languages: ['en'],
    is_multilingual: false,
    status: 'ready',
    reason: null,
  },
  vad: { method: 'silero', version: '5' },
  notes: [],
};

let server: TestServer;
let saved: { href: string; download: string }[];

/** A transcript route that pages and searches (by substring, standing in for the server's full-text search). */
function serveTranscript(lines: TranscriptLine[]) {
  server.route('GET', TRANSCRIPT, (request: RecordedRequest) => {
    const q = request.query.get('q');
    const page = Number(request.query.get('page') ?? 1);
    const pageSize = Number(request.query.get('page_size') ?? 100);
    const matching = q ? lines.filter((l) => l.text.toLowerCase().includes(q.toLowerCase())) : lines;
    const list = matching.slice((page - 1) * pageSize, page * pageSize);
    return ok({
      list,
      total: matching.length,
      page,
      page_size: pageSize,
      total_pages: Math.ceil(matching.length / pageSize),
    });
  });
}

beforeEach(async () => {
  server = await startAppHarness();
  useSessionStore.getState().startSession(tokenPairFixture());
  server.route('GET', '/api/v1/meetings/42', () =>
    ok(meetingFixture({ status: 'ended', started_at: '2030-03-02T09:00:00Z', ended_at: '2030-03-02T10:00:00Z' })),
  );
  server.route('GET', '/api/v1/ai/info', () => ok(aiInfo));
  saved = [];
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:transcript') });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});

afterEach(async () => {
  await server.close();
});

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/meetings/42/transcript']}>
      <Routes>
        <Route path="/meetings/:id/transcript" element={<TranscriptPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const shownTexts = () =>
  screen.getAllByTestId('transcript-line').map((row) => row.querySelector('.transcript-entry__text')?.textContent);

describe('TranscriptPage', () => {
  it('lists lines with speaker, offset, text and what produced them', async () => {
    serveTranscript([line(1, 'Wang Fang', 'Good morning everyone'), line(2, 'Mei Lin', '预算已经准备好了')]);
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('transcript-line')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('transcript-line');
    expect(first?.dataset.speaker).toBe('Wang Fang');
    expect(first?.querySelector('time')?.textContent).toBe('0:00');
    expect(second?.querySelector('time')?.textContent).toBe('0:05');
    expect(first?.textContent).toContain('PocketSphinx · en-us · confidence 64%');
    expect(screen.getByTestId('transcript-count').textContent).toBe('2 lines');
    expect(server.requests.find((r) => r.path === TRANSCRIPT)?.authorization).toBe('Bearer access-1');
    await waitFor(() =>
      expect(screen.getByTestId('transcript-ai-info').textContent).toBe(
        'Captions on this server: Whisper (tiny.en), languages: English',
      ),
    );
  });

  it('searches on the server once typing pauses, and marks the words found', async () => {
    serveTranscript([
      line(1, 'Wang Fang', 'Good morning everyone'),
      line(2, 'Mei Lin', 'The budget is ready'),
      line(3, 'Wang Fang', 'Thanks for the budget'),
    ]);
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('transcript-line')).toHaveLength(3));
    const search = screen.getByTestId('transcript-page-search');
    fireEvent.change(search, { target: { value: 'bud' } });
    fireEvent.change(search, { target: { value: 'Budget' } });
    await waitFor(() => expect(shownTexts()).toEqual(['The budget is ready', 'Thanks for the budget']));
    const searches = server.requests.filter((r) => r.path === TRANSCRIPT).map((r) => r.query.get('q'));
    expect(searches).toEqual([null, 'Budget']);
    expect([...document.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['budget', 'budget']);
    expect(screen.getByTestId('transcript-count').textContent).toBe('2 lines match “Budget”');

    fireEvent.change(search, { target: { value: 'zebra' } });
    await waitFor(() => expect(screen.getByTestId('transcript-no-matches').textContent).toContain('“zebra”'));
  });

  it('loads more, a page at a time', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => line(i + 1, 'Wang Fang', `line number ${i + 1}`));
    serveTranscript(lines);
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('transcript-line')).toHaveLength(100));
    fireEvent.click(screen.getByTestId('transcript-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('transcript-line')).toHaveLength(130));
    expect(shownTexts().at(-1)).toBe('line number 130');
    expect(screen.queryByTestId('transcript-load-more')).toBeNull();
  });

  it('says why there is no transcript when there is none', async () => {
    serveTranscript([]);
    renderPage();
    await waitFor(() =>
      expect(screen.getByTestId('transcript-empty').textContent).toContain('Captions were off or nobody spoke.'),
    );
  });

  it('tells someone who was not in the meeting that the transcript is not theirs to read', async () => {
    server.route('GET', TRANSCRIPT, () => fail(403, 'NOT_A_PARTICIPANT', 'You are not a participant'));
    renderPage();
    await waitFor(() =>
      expect(screen.getByTestId('transcript-forbidden').textContent).toBe(
        'Only people who took part in this meeting can read its transcript.',
      ),
    );
    expect(screen.queryByTestId('transcript-export-txt')).toBeNull();
  });

  it.each([
    ['srt', 'application/x-subrip', '1\n00:00:00,000 --> 00:00:03,000\nGood morning everyone\n'],
    ['vtt', 'text/vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nGood morning everyone\n'],
  ])('exports %s through the authenticated client and saves it under the server’s name', async (format, type, body) => {
    serveTranscript([line(1, 'Wang Fang', 'Good morning everyone')]);
    server.route('GET', `${TRANSCRIPT}/export`, (request) =>
      request.authorization === 'Bearer access-1'
        ? {
            status: 200,
            body,
            contentType: type,
            headers: { 'Content-Disposition': `attachment; filename="weekly-sync-transcript.${format}"` },
          }
        : fail(401, 'UNAUTHENTICATED'),
    );
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('transcript-line')).toHaveLength(1));
    await act(async () => fireEvent.click(screen.getByTestId(`transcript-export-${format}`)));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ href: 'blob:transcript', download: `weekly-sync-transcript.${format}` });
    expect(server.requests.at(-1)?.query.get('format')).toBe(format);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
    expect(await readBlobText(blob)).toBe(body);
    expect(blob.type).toBe(type);
  });

  it('says so when an export fails', async () => {
    serveTranscript([line(1, 'Wang Fang', 'Good morning everyone')]);
    server.route('GET', `${TRANSCRIPT}/export`, () => fail(503, 'AI_UNAVAILABLE', 'down'));
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('transcript-line')).toHaveLength(1));
    await act(async () => fireEvent.click(screen.getByTestId('transcript-export-json')));
    await waitFor(() =>
      expect(screen.getByTestId('transcript-export-error').textContent).toContain('could not be downloaded'),
    );
    expect(saved).toEqual([]);
  });
});
