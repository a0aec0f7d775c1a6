import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignalingCloseCodes, type NotificationFrame } from '@meetai/shared';
import {
  SignalingClient,
  SignalingRequestError,
  signalingUrl,
  type SocketEvents,
  type SocketFactory,
} from './signaling-client';

/** A socket the test drives by hand: it records what the client sends and delivers what the test says. */
class FakeSocket {
  readonly sent: { id: number; method: string; data: unknown }[] = [];
  events!: SocketEvents;
  closedWith: number | null = null;

  send(text: string) {
    this.sent.push(JSON.parse(text) as { id: number; method: string; data: unknown });
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  receive(frame: unknown) {
    this.events.message(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  lastId(): number {
    const last = this.sent.at(-1);
    if (!last) throw new Error('nothing sent');
    return last.id;
  }
}

async function connected(options: { requestTimeoutMs?: number } = {}) {
  const socket = new FakeSocket();
  const factory: SocketFactory = (_url, events) => {
    socket.events = events;
    queueMicrotask(() => events.open());
    return socket;
  };
  const client = await SignalingClient.connect('ws://test/ws/signaling?ticket=t', {
    socketFactory: factory,
    ...options,
  });
  return { client, socket };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SignalingClient requests', () => {
  it('sends a numbered request and resolves with the response parsed by its schema', async () => {
    const { client, socket } = await connected();
    const pending = client.request('createWebRtcTransport', { direction: 'send' });
    expect(socket.sent).toEqual([{ id: 1, method: 'createWebRtcTransport', data: { direction: 'send' } }]);

    const options = {
      id: 'transport-1',
      iceParameters: { usernameFragment: 'u', password: 'p' },
      iceCandidates: [],
      dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
    };
    socket.receive({ id: 1, ok: true, data: options });
    await expect(pending).resolves.toEqual(options);
  });

  it('rejects with the server error code and sentence', async () => {
    const { client, socket } = await connected();
    const pending = client.request('lockMeeting', { locked: true });
    socket.receive({ id: socket.lastId(), ok: false, error: { code: 'NOT_HOST', message: 'Only the host can lock.' } });
    await expect(pending).rejects.toMatchObject({
      code: 'NOT_HOST',
      method: 'lockMeeting',
      message: 'Only the host can lock.',
    });
  });

  it('rejects a response that does not match the method schema as BAD_RESPONSE', async () => {
    const { client, socket } = await connected();
    const pending = client.request('produce', {
      transportId: 't',
      kind: 'audio',
      rtpParameters: { codecs: [] },
      source: 'mic',
    });
    socket.receive({ id: socket.lastId(), ok: true, data: { producer: 'p' } });
    await expect(pending).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('refuses to send data its own schema rejects', async () => {
    const { client, socket } = await connected();
    await expect(client.request('sendChat', { text: '   ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(socket.sent).toEqual([]);
  });

  it('times out a request the server never answers', async () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const connecting = SignalingClient.connect('ws://x', {
      requestTimeoutMs: 500,
      socketFactory: (_url, events) => {
        socket.events = events;
        return socket;
      },
    });
    socket.events.open();
    const client = await connecting;
    const pending = client.request('leave', {});
    const assertion = expect(pending).rejects.toMatchObject({ code: 'TIMEOUT', method: 'leave' });
    await vi.advanceTimersByTimeAsync(500);
    await assertion;
  });

  it('rejects every pending request when the socket closes, with a code that says why', async () => {
    const { client, socket } = await connected();
    const first = client.request('getRouterRtpCapabilities', {});
    const second = client.request('join', { displayName: 'Mei', rtpCapabilities: {} });
    socket.events.close(SignalingCloseCodes.MEETING_ENDED, 'The meeting has ended.');
    await expect(first).rejects.toMatchObject({ code: 'MEETING_ENDED' });
    await expect(second).rejects.toBeInstanceOf(SignalingRequestError);
    await expect(client.request('leave', {})).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  });

  it('fails to connect when the socket closes before it opens', async () => {
    const factory: SocketFactory = (_url, events) => {
      queueMicrotask(() => events.close(SignalingCloseCodes.TICKET_INVALID, 'bad ticket'));
      return new FakeSocket();
    };
    await expect(SignalingClient.connect('ws://x', { socketFactory: factory })).rejects.toMatchObject({
      code: 'TICKET_INVALID',
    });
  });
});

describe('SignalingClient notifications and bad frames', () => {
  it('emits notifications parsed with their schema', async () => {
    const { client, socket } = await connected();
    const received: NotificationFrame[] = [];
    client.onNotification((notification) => received.push(notification));
    socket.receive({ type: 'activeSpeaker', data: { peerId: 'peer-2' } });
    expect(received).toEqual([{ type: 'activeSpeaker', data: { peerId: 'peer-2' } }]);
  });

  it('logs and drops malformed frames without disturbing pending requests', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, socket } = await connected();
    const received: NotificationFrame[] = [];
    client.onNotification((notification) => received.push(notification));
    const pending = client.request('leave', {});

    socket.receive('not json {');
    socket.receive({ type: 'peerLeft', data: { who: 'nobody' } });
    socket.receive({ type: 'noSuchEvent', data: {} });
    socket.receive({ id: 999, ok: true, data: {} });
    socket.receive({ id: 'one', ok: true });
    socket.receive({ id: socket.lastId(), ok: true, data: {} });

    await expect(pending).resolves.toEqual({});
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(5);
  });

  it('ignores frames that arrive after it closed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, socket } = await connected();
    const pending = client.request('endMeeting', {});
    client.close();
    socket.receive({ id: socket.lastId(), ok: true, data: {} });
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('tells close listeners whether the client asked for the close', async () => {
    const first = await connected();
    const byServer = vi.fn();
    first.client.onClose(byServer);
    first.socket.events.close(1006, '');
    expect(byServer).toHaveBeenCalledWith({ code: 1006, reason: '', isByClient: false });

    const second = await connected();
    const byClient = vi.fn();
    second.client.onClose(byClient);
    second.client.close();
    second.client.close();
    expect(byClient).toHaveBeenCalledTimes(1);
    expect(byClient).toHaveBeenCalledWith(expect.objectContaining({ isByClient: true }));
    expect(second.socket.closedWith).toBe(1000);
  });
});

describe('signalingUrl', () => {
  it('turns the server address and ticket path into a WebSocket URL', () => {
    expect(signalingUrl('http://localhost:8800', '/ws/signaling?ticket=abc')).toBe(
      'ws://localhost:8800/ws/signaling?ticket=abc',
    );
    expect(signalingUrl('https://meet.example.com/', '/ws/signaling?ticket=abc')).toBe(
      'wss://meet.example.com/ws/signaling?ticket=abc',
    );
  });
});
