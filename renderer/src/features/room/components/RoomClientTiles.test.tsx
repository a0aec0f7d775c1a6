import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import appEn from '../../../i18n/en.json';
import { RoomClient, type RoomClientDeps } from '../../../room/RoomClient';
import { createRoomStore } from '../../../room/room-store';
import { FakeServer, peerFixture } from '../../../room/testing/fake-server';
import { roomResources } from '../i18n';
import { RoomContext } from '../room-context';
import { RoomPage } from './RoomPage';
import { VideoGrid } from './VideoGrid';

const clients: RoomClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

/** Joins a real RoomClient against the fake server, then renders `ui` on its store. */
async function mountJoined(ui: ReactElement, deps: Partial<RoomClientDeps> = {}, server = new FakeServer()) {
  const { store, actions } = createRoomStore();
  const client = new RoomClient({
    meetingId: 42,
    displayName: 'Mei Lin',
    media: { micDeviceId: null, cameraDeviceId: null, isMicOn: true, isCameraOn: true },
    actions,
    getState: store.getState,
    deps: server.deps(deps),
  });
  clients.push(client);
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: appEn, room: roomResources.en } },
    ns: ['translation', 'room'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const { togglePanel, setLayout, setGridPage, dismissNotice } = actions;

  await act(() => client.join());
  render(
    <I18nextProvider i18n={i18n}>
      <RoomContext.Provider
        value={{ controller: client, store, ui: { togglePanel, setLayout, setGridPage, dismissNotice } }}
      >
        {ui}
      </RoomContext.Provider>
    </I18nextProvider>,
  );
  return { server, client, store };
}

function remoteCamera(consumerId: string, peerId = 'peer-2') {
  return {
    type: 'newConsumer' as const,
    data: {
      consumerId,
      producerId: `producer-of-${consumerId}`,
      peerId,
      kind: 'video' as const,
      source: 'webcam' as const,
      rtpParameters: { codecs: [] },
      type: 'simulcast',
      producerPaused: false,
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the room UI driven by a real RoomClient (fake server and device)', () => {
  it('shows our camera and then a remote one as the client consumes it', async () => {
    const { server, client, store } = await mountJoined(<VideoGrid />);
    const [selfTile] = screen.getAllByTestId('participant-tile');
    expect(selfTile?.getAttribute('data-self')).toBe('true');
    expect(screen.getAllByTestId('tile-video')).toHaveLength(1);

    await act(async () => {
      server.last.notify(remoteCamera('consumer-1'));
      await settle();
    });
    const videos = screen.getAllByTestId('tile-video');
    expect(videos).toHaveLength(2);
    expect(videos[1]?.getAttribute('data-track-id')).toBe(client.getTrack('consumer-1')?.id);
    // The tile was on screen when the video arrived, so the handshake resumed it at once.
    expect(server.last.requestsOf('resumeConsumer')).toEqual([{ consumerId: 'consumer-1' }]);
    expect(store.getState().consumers['consumer-1']?.isPausedByUs).toBe(false);
  });

  it('holds the camera of someone on another grid page paused, and paging swaps which cameras flow', async () => {
    const server = new FakeServer();
    // With us, 31 people: the first page has us and peer-2 … peer-25, the second peer-26 … peer-31.
    server.peers = Array.from({ length: 30 }, (_, i) => peerFixture(`peer-${i + 2}`));
    const { store } = await mountJoined(<VideoGrid />, {}, server);
    const resumed = () => server.last.requestsOf('resumeConsumer');
    const paused = () => server.last.requestsOf('pauseConsumer');
    const isPausedByUs = (consumerId: string) => store.getState().consumers[consumerId]?.isPausedByUs;

    await act(async () => {
      server.last.notify(remoteCamera('on-first-page', 'peer-2'));
      server.last.notify(remoteCamera('on-second-page', 'peer-30'));
      await settle();
    });
    expect(resumed()).toEqual([{ consumerId: 'on-first-page' }]);
    expect(paused()).toEqual([]);
    expect(isPausedByUs('on-second-page')).toBe(true);

    await act(async () => {
      fireEvent.click(screen.getByTestId('grid-next'));
      await settle();
    });
    expect(paused()).toEqual([{ consumerId: 'on-first-page' }]);
    expect(resumed()).toEqual([{ consumerId: 'on-first-page' }, { consumerId: 'on-second-page' }]);
    expect([isPausedByUs('on-first-page'), isPausedByUs('on-second-page')]).toEqual([true, false]);

    await act(async () => {
      fireEvent.click(screen.getByTestId('grid-previous'));
      await settle();
    });
    expect(paused()).toEqual([{ consumerId: 'on-first-page' }, { consumerId: 'on-second-page' }]);
    expect(resumed()).toHaveLength(3);
    expect([isPausedByUs('on-first-page'), isPausedByUs('on-second-page')]).toEqual([false, true]);
  });

  it('once reconnecting gives up, shows only the failure banner and Leave, and Rejoin brings the room back', async () => {
    const offline = Object.assign(new Error('offline'), { code: 'NETWORK_ERROR' });
    const { server, client, store } = await mountJoined(
      <RoomPage title="Weekly sync" startedAt={null} speakerId={null} onExit={vi.fn()} onReturnToLobby={vi.fn()} />,
      { reconnectPolicy: { maxAttempts: 1, delayMs: () => 0 } },
    );
    await act(async () => {
      server.last.notify(remoteCamera('consumer-1'));
      await settle();
    });
    expect(screen.getAllByTestId('participant-tile')).toHaveLength(2);
    expect(screen.getAllByTestId('tile-video')).toHaveLength(2);

    server.ticketFailures.push(offline);
    await act(async () => {
      server.last.drop();
      for (let i = 0; i < 10 && store.getState().connectionState !== 'failed'; i++) await settle();
    });
    expect(screen.getByTestId('room-page').getAttribute('data-state')).toBe('failed');
    expect(screen.getByTestId('reconnect-banner').getAttribute('data-state')).toBe('failed');
    expect(screen.queryAllByTestId('participant-tile')).toHaveLength(0);
    expect(screen.queryByTestId('tile-video')).toBeNull();
    for (const id of ['toggle-mic', 'toggle-camera', 'toggle-screen', 'chat-toggle', 'participants-toggle']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(screen.getByTestId('leave-button')).toBeTruthy();
    expect(screen.queryByText('Joining the meeting…')).toBeNull();
    expect(client.getTrack('consumer-1')).toBeNull();
    expect(client.getLocalTrack('webcam')).toBeNull();
    expect(store.getState()).toMatchObject({ self: null, peers: {}, peerOrder: [], consumers: {}, localProducers: {} });

    await act(async () => {
      fireEvent.click(screen.getByTestId('rejoin-button'));
      for (let i = 0; i < 10 && store.getState().connectionState !== 'connected'; i++) await settle();
    });
    expect(screen.getByTestId('room-page').getAttribute('data-state')).toBe('connected');
    expect(screen.queryByTestId('reconnect-banner')).toBeNull();
    expect(screen.getAllByTestId('participant-tile')).toHaveLength(2);
    expect(screen.getByTestId('toggle-mic').getAttribute('aria-pressed')).toBe('false');
    expect(server.tickets.at(-1)).toEqual({ meetingId: 42, resumePeerId: null });
  });
});
