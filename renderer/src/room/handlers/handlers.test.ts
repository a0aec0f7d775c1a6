import { describe, expect, it, vi } from 'vitest';
import { SignalingNotifications, type NotificationFrame } from '@meetai/shared';
import { createRoomStore } from '../room-store';
import { captionFixture, captionsStatusFixture } from '../testing/caption-fixtures';
import { peerFixture, consumerFixture } from '../testing/fake-server';
import { dispatchNotification, notificationHandlers, type RoomHandlerContext } from '.';

function context() {
  const { store, actions } = createRoomStore();
  const ctx: RoomHandlerContext = {
    actions,
    getState: store.getState,
    consume: vi.fn(async () => undefined),
    closeConsumer: vi.fn(),
    closePeerConsumers: vi.fn(),
    muteMicForHost: vi.fn(async () => undefined),
    restartRoom: vi.fn(),
    finish: vi.fn(),
  };
  actions.setJoined({
    self: peerFixture('peer-self', { userId: 7 }),
    peers: [peerFixture('peer-2', { displayName: 'Wang Fang', role: 'host' })],
    chatHistory: [],
    isLocked: false,
    resumed: false,
  });
  return { ctx, state: store.getState };
}

const dispatch = (ctx: RoomHandlerContext, notification: NotificationFrame) => dispatchNotification(ctx, notification);

describe('notification handler table', () => {
  it('has exactly one handler per notification in the contract', () => {
    expect(Object.keys(notificationHandlers).sort()).toEqual(Object.keys(SignalingNotifications).sort());
  });

  it('adds and removes peers, closing the leaver’s consumers', () => {
    const { ctx, state } = context();
    void dispatch(ctx, { type: 'peerJoined', data: { peer: peerFixture('peer-3') } });
    expect(state().peerOrder).toEqual(['peer-2', 'peer-3']);
    void dispatch(ctx, { type: 'peerLeft', data: { peerId: 'peer-2' } });
    expect(ctx.closePeerConsumers).toHaveBeenCalledWith('peer-2');
    expect(state().peerOrder).toEqual(['peer-3']);
  });

  it('updates peer state, the active speaker and producer pauses', () => {
    const { ctx, state } = context();
    ctx.actions.addConsumer(consumerFixture('c1', 'peer-2', { producerId: 'p1' }));
    void dispatch(ctx, {
      type: 'peerState',
      data: { peerId: 'peer-2', state: { isMuted: true, isCameraOff: true, isHandRaised: true } },
    });
    void dispatch(ctx, { type: 'activeSpeaker', data: { peerId: 'peer-2' } });
    void dispatch(ctx, { type: 'producerPaused', data: { peerId: 'peer-2', producerId: 'p1', source: 'webcam' } });
    void dispatch(ctx, {
      type: 'consumerLayersChanged',
      data: { consumerId: 'c1', spatialLayer: 1, temporalLayer: 2 },
    });

    expect(state().peers['peer-2']?.state).toEqual({ isMuted: true, isCameraOff: true, isHandRaised: true });
    expect(state().activeSpeakerId).toBe('peer-2');
    expect(state().consumers.c1).toMatchObject({ isProducerPaused: true, spatialLayer: 1 });
    void dispatch(ctx, { type: 'producerResumed', data: { peerId: 'peer-2', producerId: 'p1', source: 'webcam' } });
    expect(state().consumers.c1?.isProducerPaused).toBe(false);
  });

  it('hands media events to the client', async () => {
    const { ctx } = context();
    const data = {
      consumerId: 'c1',
      producerId: 'p1',
      peerId: 'peer-2',
      kind: 'audio' as const,
      source: 'mic' as const,
      rtpParameters: { codecs: [] },
      type: 'simple',
      producerPaused: false,
    };
    await dispatch(ctx, { type: 'newConsumer', data });
    void dispatch(ctx, { type: 'consumerClosed', data: { consumerId: 'c1' } });
    void dispatch(ctx, { type: 'roomRestarted', data: {} });
    expect(ctx.consume).toHaveBeenCalledWith(data);
    expect(ctx.closeConsumer).toHaveBeenCalledWith('c1');
    expect(ctx.restartRoom).toHaveBeenCalled();
  });

  it('mutes on the host’s request and names the host', async () => {
    const { ctx, state } = context();
    await dispatch(ctx, { type: 'muteRequested', data: { byPeerId: 'peer-2' } });
    expect(ctx.muteMicForHost).toHaveBeenCalled();
    expect(state().notices.at(-1)).toMatchObject({ key: 'mutedByHost', params: { name: 'Wang Fang' } });
  });

  it('records chat, lock changes and the end of the meeting', () => {
    const { ctx, state } = context();
    const message = {
      id: 'm1',
      meetingId: 42,
      userId: 9,
      displayName: 'Wang Fang',
      text: '你好',
      sentAt: '2030-03-02T09:01:00Z',
    };
    void dispatch(ctx, { type: 'chatMessage', data: { message } });
    void dispatch(ctx, { type: 'meetingLocked', data: { locked: true } });
    void dispatch(ctx, { type: 'meetingEnded', data: { reason: 'host-ended' } });
    void dispatch(ctx, { type: 'kicked', data: { reason: 'bye' } });

    expect(state().chat).toEqual([message]);
    expect(state().unreadChatCount).toBe(1);
    expect(state().isLocked).toBe(true);
    expect(state().notices.at(-1)?.key).toBe('meetingLocked');
    expect(ctx.finish).toHaveBeenNthCalledWith(1, 'host-ended');
    expect(ctx.finish).toHaveBeenNthCalledWith(2, 'kicked');
  });

  it('upserts caption lines by id and records the captions status', () => {
    const { ctx, state } = context();
    void dispatch(ctx, { type: 'captionReceived', data: { caption: captionFixture('u1', { isFinal: false }) } });
    void dispatch(ctx, { type: 'captionReceived', data: { caption: captionFixture('u1', { text: 'done' }) } });
    expect(state().captions).toMatchObject([{ id: 'u1', isFinal: true, text: 'done', displayName: 'Wang Fang' }]);

    const paused = captionsStatusFixture({ state: 'paused', reason: 'The speech engine is restarting' });
    void dispatch(ctx, { type: 'captionsStatusChanged', data: { status: paused } });
    expect(state().captionsStatus).toEqual(paused);
  });
});
