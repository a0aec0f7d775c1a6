import { getBridge, isDesktopApp } from '../../bridge/get-bridge';
import { api } from '../../lib/http';
import { createBrowserCapture, displayMediaScreenSource } from '../../room/media/capture';
import { createMediasoupDevice } from '../../room/media/mediasoup-device';
import { RoomClient, type JoinMediaChoices } from '../../room/RoomClient';
import { createRoomStore } from '../../room/room-store';
import { SignalingClient, signalingUrl } from '../../room/signaling-client';
import { createScreenPicker, desktopScreenSource, type ScreenPicker } from './desktop-screen-source';
import type { RoomContextValue } from './room-context';
import { fetchSignalingTicket } from './ticket-api';

export interface RoomSession extends RoomContextValue {
  client: RoomClient;
  /** The desktop app's screen picker, shown by the route; absent in a browser, which has its own. */
  screenPicker?: ScreenPicker;
}

export interface RoomSessionOptions {
  meetingId: number;
  displayName: string;
  media: JoinMediaChoices;
}

/**
 * The composition root of a meeting: the real REST client, WebSocket,
 * mediasoup device and browser capture, wired into one RoomClient and store.
 * Screen capture asks the browser's own picker, or, in the desktop app (where
 * Chromium has none), the app's picker fed by the bridge.
 */
export function createRoomSession({ meetingId, displayName, media }: RoomSessionOptions): RoomSession {
  const { store, actions } = createRoomStore({ meetingId });
  const mediaDevices = navigator.mediaDevices;
  const screenPicker = isDesktopApp() ? createScreenPicker() : undefined;
  const screenSource = screenPicker
    ? desktopScreenSource(getBridge(), screenPicker, mediaDevices)
    : displayMediaScreenSource(mediaDevices);
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
      capture: createBrowserCapture(mediaDevices, screenSource),
      pixelRatio: () => window.devicePixelRatio || 1,
    },
  });
  const { togglePanel, setLayout, setGridPage, dismissNotice } = actions;
  return {
    client,
    controller: client,
    store,
    ui: { togglePanel, setLayout, setGridPage, dismissNotice },
    screenPicker,
  };
}
