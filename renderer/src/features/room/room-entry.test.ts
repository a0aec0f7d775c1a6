import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomClient, type JoinMediaChoices } from '../../room/RoomClient';
import { createRoomStore } from '../../room/room-store';
import { FakeServer } from '../../room/testing/fake-server';
import { fakeTrack } from '../../room/testing/fake-track';
import type { RoomSession, RoomSessionOptions } from './create-room-session';

/** The real composition root would open a WebSocket; here each session talks to its own fake server. */
const made: { options: RoomSessionOptions; server: FakeServer; session: RoomSession }[] = [];
vi.mock('./create-room-session', () => ({
  createRoomSession: (options: RoomSessionOptions): RoomSession => {
    const server = new FakeServer();
    const { store, actions } = createRoomStore({ meetingId: options.meetingId });
    const client = new RoomClient({ ...options, actions, getState: store.getState, deps: server.deps() });
    const session = { client, controller: client, store, ui: {} as RoomSession['ui'] };
    made.push({ options, server, session });
    return session;
  },
}));
// The route's chunk is warmed too; it has nothing to do here.
vi.mock('./RoomRoute', () => ({ RoomRoute: () => null }));

const { prepareRoom, takeRoomEntry } = await import('./room-entry');

const cameraOnly: JoinMediaChoices = { isMicOn: false, isCameraOn: true, micDeviceId: null, cameraDeviceId: 'cam-1' };

/** Until the room's code has loaded and the preparation has reached its last step. */
async function prepared(index = made.length): Promise<{ server: FakeServer; session: RoomSession }> {
  await vi.waitFor(() => expect(made[index]?.server.journal).toContain('createWebRtcTransport:recv'));
  return made[index]!;
}

afterEach(() => {
  for (const { session } of made.splice(0)) session.client.close();
});

describe('the lobby prepares the room', () => {
  it('opens the connection as the lobby opens, and closes it when the lobby closes without joining', async () => {
    const preparation = prepareRoom(42, 'Mei Lin');
    const { server } = await prepared(0);
    expect(server.tickets).toEqual([{ meetingId: 42, resumePeerId: null, isLobby: true }]);
    preparation.release();
    expect(server.last.isClosed).toBe(true);
    expect(takeRoomEntry(42)).toBeNull();
  });

  it('Join starts joining at once and hands the room that client, with the choices, once', async () => {
    const preparation = prepareRoom(7, 'Mei Lin');
    const { server, session } = await prepared(0);
    const camera = fakeTrack('video');
    preparation.enter(cameraOnly, { webcam: camera });
    // The lobby closing as the page changes must not close what it handed over.
    preparation.release();
    await vi.waitFor(() => expect(session.store.getState().connectionState).toBe('connected'));
    expect(server.journal.filter((step) => step === 'join')).toHaveLength(1);
    expect(session.client.producers.get('webcam')?.track).toBe(camera);

    const entry = takeRoomEntry(7);
    expect(entry).toMatchObject({ meetingId: 7, media: cameraOnly });
    expect(entry?.session).toBe(session);
    // A second mount (React's development double mount) gets the choices, not the same client again.
    expect(takeRoomEntry(7)).toMatchObject({ media: cameraOnly, session: null, tracks: {} });
    expect(takeRoomEntry(8)).toBeNull();
  });

  it('an entry whose room never opened is closed, tracks and all, at the next Join', async () => {
    const first = prepareRoom(11, 'Mei Lin');
    const { server } = await prepared(0);
    first.enter(cameraOnly, {});
    const second = prepareRoom(12, 'Mei Lin');
    await prepared(1);
    const lent = fakeTrack('video');
    second.enter(cameraOnly, { webcam: lent });
    expect(server.last.isClosed).toBe(true);
    expect(takeRoomEntry(11)).toBeNull();
    expect(takeRoomEntry(12)?.meetingId).toBe(12);
  });
});
