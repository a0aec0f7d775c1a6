import { afterEach, describe, expect, it } from 'vitest';
import { RoomClient } from './RoomClient';
import { createRoomStore } from './room-store';
import { captionFixture, captionsStatusFixture } from './testing/caption-fixtures';
import { FakeServer } from './testing/fake-server';

const clients: RoomClient[] = [];

async function joinedClient(server: FakeServer) {
  const { store, actions } = createRoomStore();
  const client = new RoomClient({
    meetingId: 42,
    displayName: 'Mei Lin',
    media: { micDeviceId: null, cameraDeviceId: null, isMicOn: false, isCameraOn: false },
    actions,
    getState: store.getState,
    deps: server.deps(),
  });
  clients.push(client);
  await client.join();
  return { client, state: store.getState };
}

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

describe('RoomClient captions', () => {
  it('keeps the captions status the join answered with', async () => {
    const server = new FakeServer();
    server.captions = captionsStatusFixture({ languages: ['en', 'zh'] });
    const { state } = await joinedClient(server);
    expect(state().captionsStatus).toEqual(server.captions);
  });

  it('host: switches captions off and on with a language, and shows the server’s answer', async () => {
    const server = new FakeServer();
    server.selfRole = 'host';
    server.captions = captionsStatusFixture();
    const { client, state } = await joinedClient(server);

    await client.setCaptions(false);
    expect(server.last.requestsOf('setCaptions')).toEqual([{ enabled: false }]);
    expect(state().captionsStatus).toMatchObject({ enabled: false, state: 'off' });

    await client.setCaptions(true, 'zh');
    expect(server.last.requestsOf('setCaptions').at(-1)).toEqual({ enabled: true, language: 'zh' });
    expect(state().captionsStatus).toMatchObject({ enabled: true, state: 'active', language: 'zh' });
  });

  it('says so when the server refuses, and keeps the status it had', async () => {
    const server = new FakeServer();
    server.captions = captionsStatusFixture();
    const { client, state } = await joinedClient(server);
    server.on('setCaptions', () => {
      throw new Error('FORBIDDEN');
    });
    await client.setCaptions(false);
    expect(state().captionsStatus).toEqual(captionsStatusFixture());
    expect(state().notices.at(-1)?.key).toBe('captionsFailed');
  });

  it('puts captions that arrive over signaling into the store', async () => {
    const server = new FakeServer();
    server.captions = captionsStatusFixture();
    const { state } = await joinedClient(server);
    server.last.notify({ type: 'captionReceived', data: { caption: captionFixture('u1', { isFinal: false }) } });
    server.last.notify({ type: 'captionReceived', data: { caption: captionFixture('u1') } });
    server.last.notify({
      type: 'captionsStatusChanged',
      data: { status: captionsStatusFixture({ state: 'delayed', reason: 'behind' }) },
    });
    expect(state().captions).toMatchObject([{ id: 'u1', isFinal: true }]);
    expect(state().captionsStatus?.state).toBe('delayed');
  });
});
