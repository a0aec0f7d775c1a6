import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@meetai/shared';
import { GRID_PAGE_SIZE, createRoomStore } from './room-store';
import {
  selectAudioConsumerIds,
  selectCurrentPage,
  selectMeetingStartedAt,
  selectOffPagePeerIds,
  selectPageCount,
  selectPagePeerIds,
  selectScreenSharePeerId,
  selectTilePeerIds,
  selectVideoConsumerId,
} from './room-selectors';
import { peerFixture, consumerFixture } from './testing/fake-server';

function joinedStore(peerCount = 1) {
  const room = createRoomStore();
  room.actions.setJoined({
    self: peerFixture('peer-self', { userId: 7, joinedAt: '2030-03-02T09:05:00.000Z' }),
    peers: Array.from({ length: peerCount }, (_, i) =>
      peerFixture(`peer-${i + 2}`, { joinedAt: `2030-03-02T09:0${i % 5}:00.000Z` }),
    ),
    chatHistory: [],
    isLocked: false,
    resumed: false,
  });
  return room;
}

const chat = (id: string, userId = 9): ChatMessage => ({
  id,
  meetingId: 42,
  userId,
  displayName: 'Wang Fang',
  text: `message ${id}`,
  sentAt: '2030-03-02T09:01:00Z',
});

describe('room store actions', () => {
  it('counts unread chat only while the chat panel is closed, never our own, and never twice', () => {
    const { store, actions } = joinedStore();
    actions.addChatMessage(chat('m1'));
    actions.addChatMessage(chat('m1'));
    actions.addChatMessage(chat('m2', 7));
    expect(store.getState().chat.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(store.getState().unreadChatCount).toBe(1);

    actions.togglePanel('chat');
    expect(store.getState().unreadChatCount).toBe(0);
    actions.addChatMessage(chat('m3'));
    expect(store.getState().unreadChatCount).toBe(0);
  });

  it('merges chat history on a rejoin instead of duplicating it', () => {
    const { store, actions } = joinedStore();
    actions.addChatMessage(chat('m1'));
    actions.setJoined({
      self: peerFixture('peer-self'),
      peers: [],
      chatHistory: [chat('m1'), chat('m2')],
      isLocked: true,
      resumed: true,
    });
    expect(store.getState().chat.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(store.getState().isLocked).toBe(true);
  });

  it('drops a leaving peer with its consumers, quality and speaker highlight', () => {
    const { store, actions } = joinedStore(2);
    actions.addConsumer(consumerFixture('c1', 'peer-2', { producerId: 'p1' }));
    actions.setActiveSpeaker('peer-2');
    actions.setQuality({ 'peer-2': { level: 'good', rttMs: 20, lossPercent: 0, jitterMs: 3 } });
    actions.removePeer('peer-2');
    const state = store.getState();
    expect(state.peerOrder).toEqual(['peer-3']);
    expect(state.consumers).toEqual({});
    expect(state.quality).toEqual({});
    expect(state.activeSpeakerId).toBeNull();
  });

  it('keeps at most four notices, newest last', () => {
    const { store, actions } = createRoomStore();
    for (let i = 0; i < 6; i++) actions.pushNotice('reconnected');
    const ids = store.getState().notices.map((n) => n.id);
    expect(ids).toEqual([3, 4, 5, 6]);
    actions.dismissNotice(4);
    expect(store.getState().notices.map((n) => n.id)).toEqual([3, 5, 6]);
  });

  it('applies peer state to self or to a peer', () => {
    const { store, actions } = joinedStore();
    actions.setPeerState('peer-self', { isMuted: true, isCameraOff: false, isHandRaised: true });
    actions.setPeerState('nobody', { isMuted: true, isCameraOff: true, isHandRaised: true });
    expect(store.getState().self?.state.isHandRaised).toBe(true);
    expect(Object.keys(store.getState().peers)).toEqual(['peer-2']);
  });
});

describe('room selectors', () => {
  it('lists self first, then peers in join order, 25 to a page', () => {
    const { store, actions } = joinedStore(30);
    const state = store.getState();
    expect(selectTilePeerIds(state).slice(0, 3)).toEqual(['peer-self', 'peer-2', 'peer-3']);
    expect(selectPageCount(state)).toBe(2);
    expect(selectPagePeerIds(state)).toHaveLength(GRID_PAGE_SIZE);
    actions.setGridPage(1);
    expect(selectPagePeerIds(store.getState())).toEqual([
      'peer-26',
      'peer-27',
      'peer-28',
      'peer-29',
      'peer-30',
      'peer-31',
    ]);
  });

  it('lists everyone else not on the current page, never us, whichever page is shown', () => {
    const { store, actions } = joinedStore(30);
    const secondPage = ['peer-26', 'peer-27', 'peer-28', 'peer-29', 'peer-30', 'peer-31'];
    expect(selectOffPagePeerIds(store.getState())).toEqual(secondPage);
    actions.setGridPage(1);
    const offPage = selectOffPagePeerIds(store.getState());
    expect(offPage).toHaveLength(24);
    expect(offPage).not.toContain('peer-self');
    expect(offPage.filter((peerId) => secondPage.includes(peerId))).toEqual([]);
  });

  it('clamps the page when people leave while someone looks at the last one', () => {
    const { store, actions } = joinedStore(30);
    actions.setGridPage(1);
    for (let i = 2; i <= 31; i++) actions.removePeer(`peer-${i}`);
    expect(selectCurrentPage(store.getState())).toBe(0);
    expect(selectPagePeerIds(store.getState())).toEqual(['peer-self']);
  });

  it('finds the video consumer of a peer unless its producer is paused', () => {
    const { store, actions } = joinedStore();
    actions.addConsumer(consumerFixture('a1', 'peer-2', { producerId: 'p0', kind: 'audio', source: 'mic' }));
    actions.addConsumer(consumerFixture('v1', 'peer-2', { producerId: 'p1' }));
    expect(selectVideoConsumerId('peer-2')(store.getState())).toBe('v1');
    expect(selectAudioConsumerIds(store.getState())).toEqual(['a1']);
    actions.setProducerPaused('p1', true);
    expect(selectVideoConsumerId('peer-2')(store.getState())).toBeNull();
  });

  it('names who shares a screen, ourselves first', () => {
    const { store, actions } = joinedStore();
    expect(selectScreenSharePeerId(store.getState())).toBeNull();
    actions.addConsumer(consumerFixture('s1', 'peer-2', { producerId: 'p9', source: 'screen' }));
    expect(selectScreenSharePeerId(store.getState())).toBe('peer-2');
    actions.setLocalProducer({ producerId: 'mine', source: 'screen', kind: 'video', isPaused: false });
    expect(selectScreenSharePeerId(store.getState())).toBe('peer-self');
  });

  it('starts the meeting timer at the earliest join anyone present remembers', () => {
    const { store } = joinedStore(3);
    expect(selectMeetingStartedAt(store.getState())).toBe('2030-03-02T09:00:00.000Z');
  });
});
