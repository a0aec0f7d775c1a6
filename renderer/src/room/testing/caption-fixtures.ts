import type { Caption, CaptionsStatus } from '@meetai/shared';

/** A final English line by Wang Fang (peer-2); override what a test is about. */
export function captionFixture(id: string, overrides: Partial<Caption> = {}): Caption {
  return {
    id,
    meetingId: 42,
    peerId: 'peer-2',
    userId: 2,
    displayName: 'Wang Fang',
    text: 'the quick brown fox',
    startMs: Date.parse('2030-03-02T09:01:00.000Z'),
    endMs: Date.parse('2030-03-02T09:01:02.500Z'),
    isFinal: true,
    language: 'en',
    engine: 'whisper',
    model: 'tiny.en',
    confidence: 0.82,
    ...overrides,
  };
}

/** Captions on and keeping up, as the server reports them on join. */
export function captionsStatusFixture(overrides: Partial<CaptionsStatus> = {}): CaptionsStatus {
  return {
    enabled: true,
    state: 'active',
    reason: null,
    engine: 'whisper',
    model: 'tiny.en',
    languages: ['en'],
    language: 'auto',
    ...overrides,
  };
}
