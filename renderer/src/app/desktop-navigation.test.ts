import { describe, expect, it } from 'vitest';
import { destinationOf, FOCUS_JOIN_STATE } from './desktop-navigation';

describe("the desktop shell's views", () => {
  it('takes "join by code" to the home page with the field focused', () => {
    expect(destinationOf({ view: 'join' }, '/settings')).toEqual({ path: '/', state: FOCUS_JOIN_STATE });
  });

  it('opens settings and a meeting page', () => {
    expect(destinationOf({ view: 'settings' }, '/')).toEqual({ path: '/settings' });
    expect(destinationOf({ view: 'meeting', meeting_id: 7 }, '/')).toEqual({ path: '/meetings/7' });
  });

  it('stays in the room a chat notification is about, and never enters a room from outside', () => {
    expect(destinationOf({ view: 'room', meeting_id: 7, panel: 'chat' }, '/room/7')).toBeNull();
    expect(destinationOf({ view: 'room', meeting_id: 7, panel: 'chat' }, '/')).toEqual({ path: '/meetings/7' });
    expect(destinationOf({ view: 'room', meeting_id: 7 }, '/room/8')).toEqual({ path: '/meetings/7' });
  });
});
