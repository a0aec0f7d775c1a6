import { describe, expect, it } from 'vitest';
import { captionsStatusFixture } from '../../room/testing/caption-fixtures';
import { captionsNoticeKind } from './captions-notice';

describe('captionsNoticeKind', () => {
  it('says nothing while captions keep up', () => {
    expect(captionsNoticeKind(captionsStatusFixture(), false)).toBeNull();
  });

  it('names each reason captions are not flowing', () => {
    expect(captionsNoticeKind(null, false)).toBe('none');
    expect(captionsNoticeKind(captionsStatusFixture({ enabled: false, state: 'off' }), false)).toBe('off');
    expect(captionsNoticeKind(captionsStatusFixture({ enabled: false, state: 'off' }), true)).toBe('offHost');
    expect(captionsNoticeKind(captionsStatusFixture({ state: 'off', engine: null, model: null }), false)).toBe(
      'noEngine',
    );
    for (const state of ['unavailable', 'paused', 'delayed'] as const) {
      expect(captionsNoticeKind(captionsStatusFixture({ state, reason: 'English detail' }), false)).toBe(state);
    }
  });
});
