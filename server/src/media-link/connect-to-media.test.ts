import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { CaptionsStatus } from '@meetai/shared';
import { MediaLinkCloseCodes, type LinkFrame } from '@meetai/shared/contracts/internal/media-link';
import { EventBus } from '../events/event-bus';
import type { AppEventBus, AppEvents } from '../events/app-events';
import type { AudioSeamEvent } from '../media/audio-seam';
import { HealthRegistry } from '../observability/health-registry';
import { connectToMedia, type MediaConnection } from './connect-to-media';

/**
 * The AI service's end of the media link against a stand-in media service (a
 * plain WebSocket server speaking the link's frames): what it sends, what it
 * answers, what it makes of malformed frames, and how it reconnects.
 */

const TOKEN = 't'.repeat(40);
const PRODUCER = {
  meetingId: 7,
  peerId: 'p-1',
  userId: 3,
  displayName: 'Ada',
  producerId: 'prod-1',
  source: 'mic',
  isPaused: false,
} as const;
const STATUS: CaptionsStatus = {
  enabled: true,
  state: 'active',
  reason: null,
  engine: 'pocketsphinx',
  model: 'en-us',
  languages: ['en'],
  language: 'auto',
};
const PARAMETERS = { payloadType: 100, ssrc: 1234, clockRate: 48_000, channels: 2 };

/** One connection the AI service opened to the stand-in. */
class Connection {
  readonly frames: LinkFrame[] = [];
  constructor(
    readonly socket: WebSocket,
    readonly request: IncomingMessage,
  ) {
    socket.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as LinkFrame));
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  async next(match: (frame: LinkFrame) => boolean): Promise<LinkFrame> {
    const found = await until(() => this.frames.find(match));
    this.frames.splice(this.frames.indexOf(found), 1);
    return found;
  }
}

async function until<T>(get: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let server: WebSocketServer;
let connections: Connection[];
let events: AppEventBus;
let health: HealthRegistry;
let link: MediaConnection;
let seamEvents: AudioSeamEvent[];

beforeEach(async () => {
  connections = [];
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (socket, request) => connections.push(new Connection(socket, request)));
  await new Promise((resolve) => server.once('listening', resolve));
  events = new EventBus<AppEvents>(() => {});
  health = new HealthRegistry();
  link = connectToMedia({
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/internal/media-link`,
    token: TOKEN,
    tapHost: '127.0.0.1',
    defaultLanguage: 'auto',
    events,
    health,
    log: pino({ level: 'silent' }),
    timing: { requestTimeoutMs: 1000, heartbeatMs: 10_000 },
    backoff: { initialMs: 20, maxMs: 100 },
  });
  // This test's own list: the previous test's link may still report its last events while it closes.
  const received: AudioSeamEvent[] = [];
  seamEvents = received;
  link.seam.subscribe((event) => received.push(event));
});

afterEach(async () => {
  link.close();
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

async function linkCheck(): Promise<{ status: string; message?: string }> {
  return (await health.run()).checks['media-link']!;
}

describe('the AI service’s end of the media link', () => {
  it('connects with the internal token, reports seam events, answers for its captions and sends their events', async () => {
    link.start({ status: async () => STATUS, set: async (_id, { isEnabled }) => ({ ...STATUS, enabled: isEnabled }) });
    const media = await until(() => connections[0]);
    expect(media.request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await until(async () => (await linkCheck()).status === 'ok');

    media.send({ kind: 'event', type: 'seamEvent', data: { type: 'added', producer: PRODUCER } });
    await until(() => seamEvents.length === 1);
    expect(seamEvents).toEqual([{ type: 'added', producer: PRODUCER }]);
    // A late subscriber hears the current producers first.
    const late: AudioSeamEvent[] = [];
    link.seam.subscribe((event) => late.push(event));
    expect(late).toEqual([{ type: 'added', producer: PRODUCER }]);

    media.send({ kind: 'request', id: 1, method: 'captionsStatus', data: { meetingId: 7 } });
    expect(await media.next((f) => 'id' in f && f.id === 1)).toEqual({
      kind: 'response',
      id: 1,
      data: { status: STATUS },
    });
    media.send({ kind: 'request', id: 2, method: 'setCaptions', data: { meetingId: 7, isEnabled: false } });
    expect(await media.next((f) => 'id' in f && f.id === 2)).toMatchObject({
      kind: 'response',
      data: { status: { enabled: false } },
    });

    events.publish('captions.status', { meetingId: 7, status: STATUS });
    expect(await media.next((f) => f.kind === 'event')).toEqual({
      kind: 'event',
      type: 'captions.status',
      data: { meetingId: 7, status: STATUS },
    });
  });

  it('answers malformed frames with errors and goes on working', async () => {
    link.start(null);
    const media = await until(() => connections[0]);
    const refusals: Array<[unknown, number | null, string]> = [
      ['{"kind":', null, 'MALFORMED_JSON'],
      [{ kind: 'request', id: 1, method: 'openTap', data: {} }, 1, 'UNKNOWN_METHOD'],
      [
        { kind: 'request', id: 2, method: 'setCaptions', data: { meetingId: 'seven', isEnabled: true } },
        2,
        'VALIDATION_FAILED',
      ],
      [
        { kind: 'event', type: 'seamEvent', data: { type: 'added', producer: { ...PRODUCER, userId: -1 } } },
        null,
        'VALIDATION_FAILED',
      ],
      [{ kind: 'event', type: 'caption.produced', data: {} }, null, 'BAD_MESSAGE'],
      [{ kind: 'response', id: 99, data: {}, extra: true }, null, 'BAD_MESSAGE'],
    ];
    for (const [frame, id, code] of refusals) {
      media.send(frame);
      expect(await media.next((f) => f.kind === 'error'), JSON.stringify(frame)).toMatchObject({ id, error: { code } });
    }
    expect(seamEvents).toEqual([]);
    // Without a caption service (AI_ASR_ENGINE=off) the room is told captions are off here.
    media.send({ kind: 'request', id: 3, method: 'captionsStatus', data: { meetingId: 7 } });
    expect(await media.next((f) => 'id' in f && f.id === 3)).toMatchObject({
      kind: 'response',
      data: { status: { state: 'off' } },
    });
  });

  it('opens and closes taps over the link; a malformed or refused answer fails the tap', async () => {
    link.start(null);
    const media = await until(() => connections[0]);
    media.send({ kind: 'event', type: 'seamEvent', data: { type: 'added', producer: PRODUCER } });
    await until(() => seamEvents.length === 1);

    const opening = link.seam.openTap('prod-1', { ip: '127.0.0.1', port: 5004 });
    const asked = await media.next((f) => f.kind === 'request');
    expect(asked).toMatchObject({
      method: 'openTap',
      data: { producerId: 'prod-1', target: { ip: '127.0.0.1', port: 5004 } },
    });
    media.send({
      kind: 'response',
      id: (asked as { id: number }).id,
      data: { tapId: 'tap-1', parameters: PARAMETERS },
    });
    const tap = await opening;
    expect(tap.parameters).toEqual(PARAMETERS);
    expect(link.seam.tapCount).toBe(1);
    media.send({ kind: 'event', type: 'tapClosed', data: { tapId: 'tap-1' } });
    await tap.closed;
    expect(link.seam.tapCount).toBe(0);

    const badAnswer = link.seam.openTap('prod-1', { ip: '127.0.0.1', port: 5006 });
    const second = (await media.next((f) => f.kind === 'request')) as { id: number };
    media.send({
      kind: 'response',
      id: second.id,
      data: { tapId: 'tap-2', parameters: { ...PARAMETERS, payloadType: 300 } },
    });
    await expect(badAnswer).rejects.toMatchObject({ code: 'BAD_MESSAGE' });

    const refused = link.seam.openTap('gone', { ip: '127.0.0.1', port: 5008 });
    const third = (await media.next((f) => f.kind === 'request')) as { id: number };
    media.send({
      kind: 'error',
      id: third.id,
      error: { code: 'NOT_FOUND', message: 'There is no audio producer gone.' },
    });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const fourth = link.seam.openTap('prod-1', { ip: '127.0.0.1', port: 5010 });
    const asked4 = (await media.next((f) => f.kind === 'request')) as { id: number };
    media.send({ kind: 'response', id: asked4.id, data: { tapId: 'tap-4', parameters: PARAMETERS } });
    (await fourth).close();
    expect(await media.next((f) => f.kind === 'request')).toMatchObject({
      method: 'closeTap',
      data: { tapId: 'tap-4' },
    });
  });

  it('reconnects after the link drops: producers and taps go with it and come back with the replay', async () => {
    link.start(null);
    const first = await until(() => connections[0]);
    first.send({ kind: 'event', type: 'seamEvent', data: { type: 'added', producer: PRODUCER } });
    await until(() => seamEvents.length === 1);
    const opening = link.seam.openTap('prod-1', { ip: '127.0.0.1', port: 5004 });
    const asked = (await first.next((f) => f.kind === 'request')) as { id: number };
    first.send({ kind: 'response', id: asked.id, data: { tapId: 'tap-1', parameters: PARAMETERS } });
    const tap = await opening;

    first.socket.terminate();
    await tap.closed;
    await until(() => seamEvents.length === 2);
    expect(seamEvents[1]).toEqual({ type: 'closed', producer: PRODUCER });
    expect((await linkCheck()).status).toBe('down');

    const second = await until(() => connections[1]);
    second.send({ kind: 'event', type: 'seamEvent', data: { type: 'added', producer: PRODUCER } });
    await until(() => seamEvents.length === 3);
    expect(seamEvents[2]).toEqual({ type: 'added', producer: PRODUCER });
    expect((await linkCheck()).status).toBe('ok');
  });

  it('keeps trying after a refusal, but stays away once another AI service replaced it', async () => {
    link.start(null);
    const first = await until(() => connections[0]);
    first.socket.close(MediaLinkCloseCodes.UNAUTHORIZED, 'The internal token is missing or wrong (INTERNAL_TOKEN).');
    const second = await until(() => connections[1]);

    second.socket.close(MediaLinkCloseCodes.REPLACED, 'Another AI service connected to this media service.');
    await until(async () => (await linkCheck()).status === 'down');
    // Several times the longest reconnect delay (100 ms here): no third connection comes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connections).toHaveLength(2);
    expect((await linkCheck()).message).toMatch(/Another AI service/);
  });
});
