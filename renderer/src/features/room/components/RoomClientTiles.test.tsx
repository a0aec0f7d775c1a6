import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomClient } from '../../../room/RoomClient';
import { createRoomStore } from '../../../room/room-store';
import { FakeServer } from '../../../room/testing/fake-server';
import { roomResources } from '../i18n';
import { RoomContext } from '../room-context';
import { VideoGrid } from './VideoGrid';

const clients: RoomClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

describe('the room UI driven by a real RoomClient (fake server and device)', () => {
  it('shows our camera and then a remote one as the client consumes it', async () => {
    const server = new FakeServer();
    const { store, actions } = createRoomStore();
    const client = new RoomClient({
      meetingId: 42,
      displayName: 'Mei Lin',
      media: { micDeviceId: null, cameraDeviceId: null, isMicOn: true, isCameraOn: true },
      actions,
      getState: store.getState,
      deps: server.deps(),
    });
    clients.push(client);
    const i18n = i18next.createInstance();
    void i18n
      .use(initReactI18next)
      .init({ lng: 'en', resources: { en: { room: roomResources.en } }, initAsync: false });
    const { togglePanel, setLayout, setGridPage, dismissNotice } = actions;

    await act(() => client.join());
    render(
      <I18nextProvider i18n={i18n}>
        <RoomContext.Provider
          value={{ controller: client, store, ui: { togglePanel, setLayout, setGridPage, dismissNotice } }}
        >
          <VideoGrid />
        </RoomContext.Provider>
      </I18nextProvider>,
    );
    const [selfTile] = screen.getAllByTestId('participant-tile');
    expect(selfTile?.getAttribute('data-self')).toBe('true');
    expect(screen.getAllByTestId('tile-video')).toHaveLength(1);

    await act(async () => {
      server.last.notify({
        type: 'newConsumer',
        data: {
          consumerId: 'consumer-1',
          producerId: 'remote-1',
          peerId: 'peer-2',
          kind: 'video',
          source: 'webcam',
          rtpParameters: { codecs: [] },
          type: 'simulcast',
          producerPaused: false,
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const videos = screen.getAllByTestId('tile-video');
    expect(videos).toHaveLength(2);
    expect(videos[1]?.getAttribute('data-track-id')).toBe(client.getTrack('consumer-1')?.id);
    // The tile was on screen when the video arrived, so the handshake resumed it at once.
    expect(server.last.requestsOf('resumeConsumer')).toEqual([{ consumerId: 'consumer-1' }]);
    expect(store.getState().consumers['consumer-1']?.isPausedByUs).toBe(false);
  });
});
