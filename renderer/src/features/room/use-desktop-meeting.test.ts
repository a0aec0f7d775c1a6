import {
  SYNTHESIS_INDICATOR_LABEL,
  type BridgeEvent,
  type ChatMessage,
  type DesktopBridge,
  type SynthesisAlert,
} from '@meetai/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoomStore } from '../../room/room-store';
import { peerFixture } from '../../room/testing/fake-server';
import { fakeController } from './testing/render-room';
import { connectDesktopMeeting } from './use-desktop-meeting';

const self = peerFixture('peer-7', { userId: 7, displayName: 'Mei Lin' });
const guest = peerFixture('peer-9', { userId: 9, displayName: 'Wang Fang' });

function chatLine(id: string, userId: number, text: string): ChatMessage {
  return {
    id,
    meetingId: 42,
    userId,
    displayName: userId === 7 ? 'Mei Lin' : 'Wang Fang',
    text,
    sentAt: '2030-03-02T09:01:00.000Z',
  };
}

/** A bridge that records calls and lets the test play main's events. */
function fakeBridge() {
  const listeners = new Map<BridgeEvent, Set<(payload: unknown) => void>>();
  const bridge = {
    meetingSetPresence: vi.fn(async () => null),
    appSetUnreadCount: vi.fn(async () => null),
    notificationShow: vi.fn(async () => ({ shown: true })),
    on: vi.fn((event: BridgeEvent, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }),
  };
  const emit = (event: BridgeEvent, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { bridge, emit, listeners };
}

describe('the meeting, as the desktop shell sees it', () => {
  let room: ReturnType<typeof createRoomStore>;
  let controller: ReturnType<typeof fakeController>;
  let fake: ReturnType<typeof fakeBridge>;
  let stop: () => void;

  beforeEach(() => {
    room = createRoomStore({ meetingId: 42 });
    controller = fakeController();
    fake = fakeBridge();
    stop = connectDesktopMeeting({
      bridge: fake.bridge as unknown as DesktopBridge,
      meetingId: 42,
      title: 'Design review',
      store: room.store,
      controller,
      ui: { togglePanel: room.actions.togglePanel },
      voiceAlertText: (alert) => ({ title: `Possible synthetic voice: ${alert.displayName}`, body: `${alert.score}` }),
    });
  });

  const join = (history: ChatMessage[] = []) => {
    room.actions.setJoined({ self, peers: [guest], chatHistory: history, isLocked: false, resumed: false });
    room.actions.setConnectionState('connected');
  };

  it('reports the meeting once joined, its mute state, and none once it ends', () => {
    expect(fake.bridge.meetingSetPresence.mock.calls).toEqual([[null]]);
    join();
    expect(fake.bridge.meetingSetPresence).toHaveBeenLastCalledWith({
      meeting_id: 42,
      title: 'Design review',
      is_muted: false,
    });
    room.actions.patchSelfState({ isMuted: true });
    expect(fake.bridge.meetingSetPresence).toHaveBeenLastCalledWith({
      meeting_id: 42,
      title: 'Design review',
      is_muted: true,
    });
    // A change main does not care about sends nothing.
    room.actions.patchSelfState({ isHandRaised: true });
    expect(fake.bridge.meetingSetPresence).toHaveBeenCalledTimes(3);
    room.actions.setConnectionState('closed');
    expect(fake.bridge.meetingSetPresence).toHaveBeenLastCalledWith(null);
    expect(fake.bridge.meetingSetPresence).toHaveBeenCalledTimes(4);
    stop();
    expect(fake.bridge.meetingSetPresence).toHaveBeenLastCalledWith(null);
    expect(fake.listeners.get('meeting:command')?.size).toBe(0);
  });

  it('badges unread chat and notifies each new line from someone else, not the history or our own', () => {
    join([chatLine('m1', 9, 'from before we came')]);
    expect(fake.bridge.notificationShow).not.toHaveBeenCalled();
    room.actions.addChatMessage(chatLine('m2', 9, 'Slides are up'));
    room.actions.addChatMessage(chatLine('m3', 7, 'Thanks'));
    expect(fake.bridge.notificationShow).toHaveBeenCalledExactlyOnceWith({
      kind: 'chat',
      title: 'Wang Fang',
      body: 'Slides are up',
      target: { view: 'room', meeting_id: 42, panel: 'chat' },
    });
    expect(fake.bridge.appSetUnreadCount).toHaveBeenLastCalledWith(1);
    room.actions.togglePanel('chat');
    expect(fake.bridge.appSetUnreadCount).toHaveBeenLastCalledWith(0);
  });

  it("runs the tray's mute, unmute and leave on the room", () => {
    join();
    fake.emit('meeting:command', { command: 'mute' });
    fake.emit('meeting:command', { command: 'unmute' });
    fake.emit('meeting:command', { command: 'leave' });
    expect(controller.muteMic).toHaveBeenCalledOnce();
    expect(controller.unmuteMic).toHaveBeenCalledOnce();
    expect(controller.leave).toHaveBeenCalledOnce();
  });

  it("opens the chat for a click on this meeting's chat notification, and ignores others", () => {
    join();
    fake.emit('app:navigate', { view: 'room', meeting_id: 99, panel: 'chat' });
    fake.emit('app:navigate', { view: 'room', meeting_id: 42 });
    expect(room.store.getState().panel).toBeNull();
    fake.emit('app:navigate', { view: 'room', meeting_id: 42, panel: 'chat' });
    expect(room.store.getState().panel).toBe('chat');
    // Already open: a second click keeps it open rather than toggling it shut.
    fake.emit('app:navigate', { view: 'room', meeting_id: 42, panel: 'chat' });
    expect(room.store.getState().panel).toBe('chat');
  });

  it('notifies each newly raised synthetic-voice alert once, not while it stays raised or once cleared', () => {
    join();
    const alert = (state: SynthesisAlert['state'], score: number): SynthesisAlert => ({
      peerId: guest.peerId,
      userId: 9,
      displayName: 'Wang Fang',
      state,
      score,
      flaggedUtterances: 3,
      utterances: 4,
      label: SYNTHESIS_INDICATOR_LABEL,
      method: 'voice features and a small logistic model',
    });
    room.actions.setSynthesisAlert(alert('raised', 0.8));
    room.actions.setSynthesisAlert(alert('raised', 0.9));
    expect(fake.bridge.notificationShow).toHaveBeenCalledExactlyOnceWith({
      kind: 'voice-alert',
      title: 'Possible synthetic voice: Wang Fang',
      body: '0.8',
      target: { view: 'room', meeting_id: 42 },
    });
    room.actions.setSynthesisAlert(alert('cleared', 0.2));
    expect(fake.bridge.notificationShow).toHaveBeenCalledOnce();
    room.actions.setSynthesisAlert(alert('raised', 0.7));
    expect(fake.bridge.notificationShow).toHaveBeenCalledTimes(2);
  });
});
