import { describe, expect, it } from 'vitest';
import { SignalingCloseCodes } from './close-codes';

const codes = Object.values(SignalingCloseCodes);

describe('SignalingCloseCodes', () => {
  it('gives every reason its own code, so a client can tell them apart', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses only codes an endpoint may send (RFC 6455 forbids 1004-1006 and 1015 in a close frame)', () => {
    for (const code of codes) {
      const standard = code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code);
      expect(standard || (code >= 3000 && code <= 4999), String(code)).toBe(true);
    }
  });

  it('keeps the application reasons in the private 4000-4999 range', () => {
    const { LEFT, GOING_AWAY, ...ours } = SignalingCloseCodes;
    expect([LEFT, GOING_AWAY]).toEqual([1000, 1001]);
    for (const code of Object.values(ours)) expect(code >= 4000 && code <= 4999, String(code)).toBe(true);
  });
});
