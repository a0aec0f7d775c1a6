import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { vi } from 'vitest';
import appEn from '../../../i18n/en.json';
import type { RoomController } from '../../../room/room-controller';
import { createRoomStore, type RoomActions } from '../../../room/room-store';
import type { PeerInfo } from '@meetai/shared';
import { analysisResources } from '../../analysis/i18n';
import { roomResources } from '../i18n';
import { RoomContext } from '../room-context';

export type FakeController = { [K in keyof RoomController]: ReturnType<typeof vi.fn> } & RoomController;

/** A controller whose intents are recorded; tracks come from the maps given. */
export function fakeController(
  remoteTracks: Record<string, MediaStreamTrack> = {},
  localTracks: Partial<Record<'mic' | 'webcam' | 'screen', MediaStreamTrack>> = {},
): FakeController {
  const intent = () => vi.fn(async () => undefined);
  return {
    join: intent(),
    leave: intent(),
    enableMic: intent(),
    disableMic: intent(),
    muteMic: intent(),
    unmuteMic: intent(),
    enableWebcam: intent(),
    disableWebcam: intent(),
    switchCamera: intent(),
    switchMicrophone: intent(),
    startScreenShare: intent(),
    stopScreenShare: intent(),
    raiseHand: intent(),
    lowerHand: intent(),
    sendChat: vi.fn(async () => true),
    muteParticipant: intent(),
    removeParticipant: intent(),
    lockMeeting: intent(),
    endMeeting: intent(),
    setCaptions: intent(),
    setAnalysis: intent(),
    refreshDevices: intent(),
    setTileSize: vi.fn(),
    setTileVisible: vi.fn(),
    forgetTile: vi.fn(),
    getTrack: vi.fn((consumerId: string) => remoteTracks[consumerId] ?? null),
    getLocalTrack: vi.fn((source: 'mic' | 'webcam' | 'screen') => localTracks[source] ?? null),
    subscribeTracks: vi.fn(() => () => undefined),
  } as FakeController;
}

function testI18n() {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: appEn, room: roomResources.en, analysis: analysisResources.en } },
    ns: ['translation', 'room', 'analysis'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** The seeded store most tests start from: us (host or not) and the given others, joined and connected. */
export function seedJoined(actions: RoomActions, self: PeerInfo, peers: PeerInfo[]): void {
  actions.setJoined({ self, peers, chatHistory: [], isLocked: false, resumed: false });
  actions.setConnectionState('connected');
}

export function renderRoom(
  ui: ReactElement,
  options: { seed?: (actions: RoomActions) => void; controller?: FakeController } = {},
) {
  const { store, actions } = createRoomStore({ meetingId: 42 });
  options.seed?.(actions);
  const controller = options.controller ?? fakeController();
  const { togglePanel, setLayout, setGridPage, dismissNotice } = actions;
  const result = render(
    <I18nextProvider i18n={testI18n()}>
      <RoomContext.Provider value={{ controller, store, ui: { togglePanel, setLayout, setGridPage, dismissNotice } }}>
        {ui}
      </RoomContext.Provider>
    </I18nextProvider>,
  );
  return { ...result, store, actions, controller };
}
