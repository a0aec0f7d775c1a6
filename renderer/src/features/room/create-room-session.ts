import { api } from '../../lib/http';
import { createBrowserCapture, displayMediaScreenSource } from '../../room/media/capture';
import { createMediasoupDevice } from '../../room/media/mediasoup-device';
import { RoomClient, type JoinMediaChoices } from '../../room/RoomClient';
import { createRoomStore } from '../../room/room-store';
import { SignalingClient, signalingUrl } from '../../room/signaling-client';
import type { RoomContextValue } from './room-context';
import { fetchSignalingTicket } from './ticket-api';

export interface RoomSession extends RoomContextValue {
  client: RoomClient;
}

export interface RoomSessionOptions {
  meetingId: number;
  displayName: string;
  media: JoinMediaChoices;
}

/**
 * The composition root of a meeting: the real REST client, WebSocket,
 * mediasoup device and browser capture, wired into one RoomClient and store.
 * Screen capture uses getDisplayMedia in both builds for now; the Electron
 * shell's own source picker (through the desktop bridge) replaces
 * `displayMediaScreenSource` here when the bridge offers it.
 */
export function createRoomSession({ meetingId, displayName, media }: RoomSessionOptions): RoomSession {
  const { store, actions } = createRoomStore({ meetingId });
  const mediaDevices = navigator.mediaDevices;
  const client = new RoomClient({
    meetingId,
    displayName,
    media,
    actions,
    getState: store.getState,
    deps: {
      fetchTicket: fetchSignalingTicket,
      connectSignaling: (ticket) => SignalingClient.connect(signalingUrl(api.serverUrl(), ticket.ws_path)),
      createDevice: createMediasoupDevice,
      capture: createBrowserCapture(mediaDevices, displayMediaScreenSource(mediaDevices)),
      pixelRatio: () => window.devicePixelRatio || 1,
    },
  });
  const { togglePanel, setLayout, setGridPage, dismissNotice } = actions;
  return { client, controller: client, store, ui: { togglePanel, setLayout, setGridPage, dismissNotice } };
}
