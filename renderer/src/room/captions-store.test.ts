import { describe, expect, it } from 'vitest';
import { MAX_FINAL_CAPTIONS, MAX_INTERIM_CAPTIONS } from './caption-lines';
import { createRoomStore } from './room-store';
import { CAPTION_LINGER_MS, selectFinalCaptions, selectInterimCaptions, selectOverlayCaptions } from './room-selectors';
import { captionFixture, captionsStatusFixture } from './testing/caption-fixtures';
import { peerFixture } from './testing/fake-server';

function joined(captions = captionsStatusFixture()) {
  const room = createRoomStore();
  room.actions.setJoined({
    self: peerFixture('peer-self', { userId: 7 }),
    peers: [peerFixture('peer-2'), peerFixture('peer-3')],
    chatHistory: [],
    isLocked: false,
    resumed: false,
    captions,
  });
  return { ...room, state: room.store.getState };
}

const ids = (lines: { id: string }[]) => lines.map((line) => line.id);

describe('captions in the room store', () => {
  it('takes the captions status from the join answer, and none from a server without AI', () => {
    expect(joined().state().captionsStatus).toEqual(captionsStatusFixture());
    const room = createRoomStore();
    room.actions.setJoined({
      self: peerFixture('peer-self'),
      peers: [],
      chatHistory: [],
      isLocked: false,
      resumed: false,
    });
    expect(room.store.getState().captionsStatus).toBeNull();
  });

  it('upserts by id: interim versions replace each other, then the final, in place', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('u1', { isFinal: false, text: 'the' }), 1000);
    actions.upsertCaption(captionFixture('u2', { peerId: 'peer-3', isFinal: false, text: 'hello' }), 1100);
    actions.upsertCaption(captionFixture('u1', { isFinal: false, text: 'the quick' }), 1200);
    actions.upsertCaption(captionFixture('u1', { isFinal: true, text: 'the quick fox' }), 1300);

    expect(state().captions.map((line) => [line.id, line.text, line.isFinal, line.receivedAt])).toEqual([
      ['u1', 'the quick fox', true, 1300],
      ['u2', 'hello', false, 1100],
    ]);
    expect(ids(selectFinalCaptions(state()))).toEqual(['u1']);
    expect(ids(selectInterimCaptions(state()))).toEqual(['u2']);
  });

  it('never turns a final back into an interim', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('u1', { text: 'final words' }));
    const before = state().captions;
    actions.upsertCaption(captionFixture('u1', { isFinal: false, text: 'final' }));
    expect(state().captions).toBe(before);
  });

  it(`keeps the last ${MAX_FINAL_CAPTIONS} finals and a few interims`, () => {
    const { actions, state } = joined();
    for (let i = 1; i <= MAX_FINAL_CAPTIONS + 5; i++) actions.upsertCaption(captionFixture(`f${i}`));
    for (let i = 1; i <= MAX_INTERIM_CAPTIONS + 3; i++) {
      actions.upsertCaption(captionFixture(`i${i}`, { isFinal: false, peerId: `peer-${i}` }));
    }
    const finals = selectFinalCaptions(state());
    expect(finals).toHaveLength(MAX_FINAL_CAPTIONS);
    expect(finals[0]?.id).toBe('f6');
    expect(finals.at(-1)?.id).toBe(`f${MAX_FINAL_CAPTIONS + 5}`);
    const interims = selectInterimCaptions(state());
    expect(interims).toHaveLength(MAX_INTERIM_CAPTIONS);
    expect(interims[0]?.id).toBe('i4');
  });

  it('drops a leaver’s unfinished line but keeps what they finished', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('done'));
    actions.upsertCaption(captionFixture('half', { isFinal: false }));
    actions.upsertCaption(captionFixture('other', { isFinal: false, peerId: 'peer-3' }));
    actions.removePeer('peer-2');
    expect(ids(state().captions)).toEqual(['done', 'other']);
  });

  it('drops unfinished lines when captions stop, keeps them while merely delayed', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('done'));
    actions.upsertCaption(captionFixture('half', { isFinal: false }));
    actions.setCaptionsStatus(captionsStatusFixture({ state: 'delayed', reason: 'behind' }));
    expect(ids(state().captions)).toEqual(['done', 'half']);
    actions.setCaptionsStatus(captionsStatusFixture({ state: 'paused', reason: 'restarting' }));
    expect(ids(state().captions)).toEqual(['done']);
    expect(state().captionsStatus?.state).toBe('paused');
  });

  it('keeps the lines read so far when the room is lost, but not the status', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('done'));
    actions.upsertCaption(captionFixture('half', { isFinal: false }));
    actions.clearRoom();
    expect(ids(state().captions)).toEqual(['done']);
    expect(state().captionsStatus).toBeNull();
  });
});

describe('selectOverlayCaptions', () => {
  it('shows each recent speaker’s latest line, oldest first, finals only for a few seconds', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('a1', { peerId: 'peer-a' }), 0);
    actions.upsertCaption(captionFixture('b1', { peerId: 'peer-b' }), 5_000);
    actions.upsertCaption(captionFixture('a2', { peerId: 'peer-a', isFinal: false }), 6_000);
    actions.upsertCaption(captionFixture('c1', { peerId: 'peer-c' }), 7_000);

    expect(ids(selectOverlayCaptions(7_000)(state()))).toEqual(['b1', 'a2', 'c1']);
    // b1 has been finished for longer than the linger time; a2 is still being spoken.
    expect(ids(selectOverlayCaptions(5_000 + CAPTION_LINGER_MS + 1)(state()))).toEqual(['a2', 'c1']);
    expect(ids(selectOverlayCaptions(100_000)(state()))).toEqual(['a2']);
  });

  it('shows at most three speakers, those heard from last', () => {
    const { actions, state } = joined();
    for (const [i, peer] of ['p1', 'p2', 'p3', 'p4'].entries()) {
      actions.upsertCaption(captionFixture(`${peer}-line`, { peerId: peer }), i * 100);
    }
    expect(ids(selectOverlayCaptions(400)(state()))).toEqual(['p2-line', 'p3-line', 'p4-line']);
  });

  it('does not let speakers whose lines have faded crowd out one still talking', () => {
    const { actions, state } = joined();
    actions.upsertCaption(captionFixture('long', { peerId: 'p0', isFinal: false }), 0);
    for (const [i, peer] of ['p1', 'p2', 'p3'].entries()) {
      actions.upsertCaption(captionFixture(`${peer}-line`, { peerId: peer }), i);
    }
    expect(ids(selectOverlayCaptions(60_000)(state()))).toEqual(['long']);
  });
});
