import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Caption, CaptionsStatus, Meeting } from '@meetai/shared';
import { MEDIA_LINK_PATH, MediaLinkCloseCodes, type LinkFrame } from '@meetai/shared/contracts/internal/media-link';
import { librivoxClips } from '../src/ai/testing/audio-fixtures';
import { wordErrorRate } from '../src/ai/testing/wer';
import { call, createMeeting, signUp, type Session } from './helpers/api';
import { speakingProducer } from './helpers/speaking-producer';
import { buildTestApp, type TestApp } from './helpers/test-app';
import { waitFor } from './media-helpers';
import { participant, startSignalingServer, type Participant, type SignalingServer } from './signaling-helpers';

/**
 * Captions with the AI service in its own app (`SERVICES=ai`, as on its seed
 * port 8084) and the SFU in another (signaling without ai): a real producer's
 * RTP is tapped by the SFU straight to the AI app's UDP socket, transcribed
 * there by pocketsphinx, and the captions come back over the media link to
 * the signaling app's event bus and its room. Both apps run in this process
 * on ephemeral ports, sharing a data directory as services on one host do.
 */

const TOKEN = randomBytes(32).toString('base64url');
/** The longest LibriVox clip: long enough for interims before its final. */
const CLIP = [...librivoxClips()].sort((a, b) => b.text.length - a.text.length)[0]!;

let media: SignalingServer;
let linkUrl: string;
let ai: TestApp | undefined;
let host: Session;
let meeting: Meeting;
let room: Participant;
const busCaptions: Caption[] = [];
const busStatuses: CaptionsStatus[] = [];

function startAi(): Promise<TestApp> {
  return buildTestApp(
    {
      SERVICES: 'ai',
      INTERNAL_TOKEN: TOKEN,
      AI_MEDIA_URL: linkUrl,
      AI_ASR_ENGINE: 'pocketsphinx',
      AI_POCKETSPHINX_DECODERS: '1',
    },
    media.dataDir,
  );
}

async function healthCheck(app: TestApp['app'], name: string): Promise<{ status: string; message?: string }> {
  const response = await app.inject({ method: 'GET', url: '/health' });
  return response.json().checks[name];
}

function tapCount(): number {
  return media.app.media!.audio.tapCount;
}

/** A raw media link connection, as a misbehaving or impostor AI service would open it. */
class RawLink {
  readonly frames: LinkFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as LinkFrame));
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static open(token: string | undefined): Promise<RawLink> {
    const socket = new WebSocket(linkUrl, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RawLink(socket)));
      socket.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  async next(match: (frame: LinkFrame) => boolean): Promise<LinkFrame> {
    let found: LinkFrame | undefined;
    await waitFor(() => (found = this.frames.find(match)) !== undefined, 'a media link frame', 5000);
    this.frames.splice(this.frames.indexOf(found!), 1);
    return found!;
  }
}

beforeAll(async () => {
  media = await startSignalingServer(46800, { SERVICES: 'auth,meetings,signaling', INTERNAL_TOKEN: TOKEN });
  linkUrl = `${media.wsBase}${MEDIA_LINK_PATH}`;
  media.app.events.on('caption.produced', ({ caption }) => void busCaptions.push(caption));
  media.app.events.on('captions.status', ({ status }) => void busStatuses.push(status));
  host = await signUp(media.app, 'ada');
  meeting = await createMeeting(media.app, host);
  room = await participant(media, meeting, 'ada', { session: host, isJoined: false });
}, 60_000);

afterAll(async () => {
  room?.client.close();
  await ai?.close({ keepData: true });
  await media?.close();
});

describe('the media link, media side', () => {
  it('refuses a missing or wrong internal token with a reason, and serves no captions then', async () => {
    for (const token of [undefined, 'x'.repeat(43), `${TOKEN}x`]) {
      const link = await RawLink.open(token);
      const { code, reason } = await link.closed;
      expect(code).toBe(MediaLinkCloseCodes.UNAUTHORIZED);
      expect(reason).toMatch(/INTERNAL_TOKEN/);
      expect(link.frames).toEqual([]);
    }
    expect(await healthCheck(media.app, 'ai-link')).toMatchObject({ status: 'degraded' });
    // The room still opens; its captions are honest about the missing AI service.
    const joined = await room.peer.join('ada');
    expect(joined.captions).toMatchObject({ enabled: true, state: 'unavailable' });
    expect((await room.client.refused('setCaptions', { enabled: false })).code).toBe('AI_UNAVAILABLE');
  });

  it('refuses every AI service when it has no INTERNAL_TOKEN', async () => {
    const bare = await startSignalingServer(46600, { SERVICES: 'signaling' });
    try {
      const socket = new WebSocket(`${bare.wsBase}${MEDIA_LINK_PATH}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const { code, reason } = await new Promise<{ code: number; reason: string }>((resolve) =>
        socket.once('close', (c, r) => resolve({ code: c, reason: r.toString() })),
      );
      expect(code).toBe(MediaLinkCloseCodes.NOT_CONFIGURED);
      expect(reason).toMatch(/no INTERNAL_TOKEN/);
    } finally {
      await bare.close();
    }
  });

  it('answers malformed frames with errors, replays the seam, and keeps serving', async () => {
    const speaker = await speakingProducer(media.app.media!.rooms.get(meeting.id)!, {
      peerId: room.peerId,
      userId: host.user.id,
      displayName: 'Ada',
      ssrc: 1111,
    });
    const link = await RawLink.open(TOKEN);
    // The producer that already exists comes first, as `added`.
    const replay = await link.next((f) => f.kind === 'event');
    expect(replay).toMatchObject({
      type: 'seamEvent',
      data: { type: 'added', producer: { producerId: speaker.producer.id, meetingId: meeting.id, source: 'mic' } },
    });

    const refusals: Array<[unknown, number | null, string]> = [
      ['not json', null, 'MALFORMED_JSON'],
      [Buffer.from([1, 2, 3]), null, 'BAD_MESSAGE'],
      [{ kind: 'request', method: 'openTap', data: {} }, null, 'BAD_MESSAGE'],
      [{ kind: 'request', id: 1, method: 'dropTables', data: {} }, 1, 'UNKNOWN_METHOD'],
      [
        { kind: 'request', id: 2, method: 'openTap', data: { producerId: 'x', target: { ip: 'localhost', port: 9 } } },
        2,
        'VALIDATION_FAILED',
      ],
      [
        {
          kind: 'request',
          id: 3,
          method: 'openTap',
          data: { producerId: 'nope', target: { ip: '127.0.0.1', port: 9 } },
        },
        3,
        'NOT_FOUND',
      ],
      [
        { kind: 'event', type: 'caption.produced', data: { meetingId: meeting.id, caption: { text: 'hi' } } },
        null,
        'VALIDATION_FAILED',
      ],
      [{ kind: 'event', type: 'roomDeleted', data: {} }, null, 'BAD_MESSAGE'],
    ];
    for (const [frame, id, code] of refusals) {
      link.send(frame);
      // (The media service also asks this link how captions are: a request, left unanswered here.)
      const answer = await link.next((f) => f.kind === 'error');
      expect(answer, JSON.stringify(frame)).toMatchObject({ kind: 'error', id, error: { code } });
    }
    expect(busCaptions).toEqual([]);

    // Still serving: a tap opens (and closes, twice without complaint), a well-formed caption reaches the room.
    link.send({
      kind: 'request',
      id: 4,
      method: 'openTap',
      data: { producerId: speaker.producer.id, target: { ip: '127.0.0.1', port: 9 } },
    });
    const opened = await link.next((f) => f.kind === 'response' && f.id === 4);
    const { tapId, parameters } = (opened as Extract<LinkFrame, { kind: 'response' }>).data as {
      tapId: string;
      parameters: { payloadType: number; clockRate: number };
    };
    expect(parameters).toMatchObject({ clockRate: 48_000 });
    expect(tapCount()).toBe(1);
    for (const id of [5, 6]) {
      link.send({ kind: 'request', id, method: 'closeTap', data: { tapId } });
      expect(await link.next((f) => f.kind === 'response' && f.id === id)).toMatchObject({ data: {} });
    }
    expect(await link.next((f) => f.kind === 'event')).toEqual({ kind: 'event', type: 'tapClosed', data: { tapId } });
    expect(tapCount()).toBe(0);
    const caption: Caption = {
      id: 'u-1',
      meetingId: meeting.id,
      peerId: room.peerId,
      userId: host.user.id,
      displayName: 'Ada',
      text: 'hello from a raw link',
      startMs: Date.now() - 1000,
      endMs: Date.now(),
      isFinal: true,
      language: 'en',
      engine: 'pocketsphinx',
      model: 'en-us',
      confidence: 0.5,
    };
    link.send({ kind: 'event', type: 'caption.produced', data: { meetingId: meeting.id, caption } });
    expect(await room.client.waitForNotice('captionReceived')).toEqual({ caption });
    expect(busCaptions).toEqual([caption]);

    speaker.producer.close();
    expect(await link.next((f) => f.kind === 'event')).toMatchObject({ data: { type: 'closed' } });
    link.socket.close();
    await link.closed;
    busCaptions.length = 0;
  });
});

describe('captions with the AI service on its own', () => {
  it('turns a producer’s speech in the SFU’s app into captions on its event bus and in its room', async () => {
    ai = await startAi();
    await waitFor(async () => (await healthCheck(media.app, 'ai-link')).status === 'ok', 'the AI service to connect');
    expect(await healthCheck(ai.app, 'media-link')).toMatchObject({ status: 'ok' });
    // The room learns the AI service's state as soon as it connects.
    const active = await room.client.waitForNotice('captionsStatusChanged', ({ status }) => status.state === 'active');
    expect(active.status).toMatchObject({ enabled: true, engine: 'pocketsphinx' });

    const speaker = await speakingProducer(media.app.media!.rooms.get(meeting.id)!, {
      peerId: room.peerId,
      userId: host.user.id,
      displayName: 'Ada',
      ssrc: 2222,
    });
    await waitFor(() => tapCount() === 1, 'the AI service to tap the producer');
    await speaker.speak(CLIP);
    await waitFor(() => busCaptions.some((c) => c.isFinal), 'a final caption on the bus', 20_000);

    for (const caption of busCaptions) {
      expect(caption).toMatchObject({
        meetingId: meeting.id,
        peerId: room.peerId,
        userId: host.user.id,
        engine: 'pocketsphinx',
      });
    }
    expect(busCaptions.some((c) => !c.isFinal)).toBe(true);
    const heard = busCaptions
      .filter((c) => c.isFinal)
      .map((c) => c.text)
      .join(' ');
    // The same audio path as ai-captions-pipeline.test.ts (0.41 measured there on this clip); a broken
    // split (lost or garbled RTP on the way to the other app) gives nonsense well above 0.8.
    expect(wordErrorRate(CLIP.text, heard)).toBeLessThan(0.6);
    const busFinal = busCaptions.find((c) => c.isFinal)!;
    expect(
      await room.client.waitForNotice(
        'captionReceived',
        ({ caption }) => caption.id === busFinal.id && caption.isFinal,
      ),
    ).toEqual({ caption: busFinal });
    // The AI service stored the finals in the meeting's transcript.
    const storedText = async () => {
      const page = await call(ai!.app, 'GET', `/api/v1/meetings/${meeting.id}/transcript`, undefined, host.token);
      return (page.json().data.list as Array<{ text: string }>).map((line) => line.text).join(' ');
    };
    await waitFor(async () => (await storedText()).includes(busFinal.text.trim()), 'the final in the transcript');

    speaker.producer.close();
    await waitFor(() => tapCount() === 0, 'the tap to close with its producer');
  }, 60_000);

  it('carries the host’s switch to the AI service and its answer back to the room', async () => {
    const speaker = await speakingProducer(media.app.media!.rooms.get(meeting.id)!, {
      peerId: room.peerId,
      userId: host.user.id,
      displayName: 'Ada',
      ssrc: 3333,
    });
    await waitFor(() => tapCount() === 1, 'the AI service to tap the producer');
    const off = await room.client.ok('setCaptions', { enabled: false });
    expect(off.status).toMatchObject({ enabled: false, state: 'off' });
    await waitFor(() => tapCount() === 0, 'the AI service to let go of the tap');
    await room.client.waitForNotice('captionsStatusChanged', ({ status }) => status.state === 'off');
    const on = await room.client.ok('setCaptions', { enabled: true, language: 'en' });
    expect(on.status).toMatchObject({ enabled: true, state: 'active', language: 'en', engine: 'pocketsphinx' });
    await waitFor(() => tapCount() === 1, 'the AI service to tap the producer again');
    speaker.producer.close();
    await waitFor(() => tapCount() === 0, 'the tap to close with its producer');
  });

  it('carries the host’s analysis switches to the AI service, and its answer and event back to the room', async () => {
    const off = await room.client.ok('setAnalysis', { synthesis: false });
    expect(off.status).toMatchObject({ emotion: true, synthesis: false });
    expect(off.status.synthesisMethod).toMatch(/jitter/);
    await room.client.waitForNotice('analysisStatusChanged', ({ status }) => !status.synthesis);
    const on = await room.client.ok('setAnalysis', { synthesis: true });
    expect(on.status.synthesis).toBe(true);
  });

  it('reconnects after the AI service restarts, and captions resume', async () => {
    const speaker = await speakingProducer(media.app.media!.rooms.get(meeting.id)!, {
      peerId: room.peerId,
      userId: host.user.id,
      displayName: 'Ada',
      ssrc: 4444,
    });
    await waitFor(() => tapCount() === 1, 'the AI service to tap the producer');
    const statusesBefore = room.client.seen('captionsStatusChanged').length;

    await ai!.close({ keepData: true });
    ai = undefined;
    // The SFU lets go of the dead service's taps, and the room is told captions are paused, not gone.
    await waitFor(() => tapCount() === 0, 'the SFU to close the stopped service’s tap');
    const paused = await room.client.waitForNotice('captionsStatusChanged', ({ status }) => status.state === 'paused');
    expect(paused.status.reason).toMatch(/AI service/);
    expect(await room.client.ok('getRouterRtpCapabilities', {})).toHaveProperty('rtpCapabilities');

    busCaptions.length = 0;
    ai = await startAi();
    await waitFor(() => tapCount() === 1, 'the restarted AI service to tap the producer again');
    await waitFor(
      () => room.client.seen('captionsStatusChanged').slice(statusesBefore).at(-1)?.status.state === 'active',
      'the room to hear that captions are back',
    );
    await speaker.speak(CLIP);
    await waitFor(() => busCaptions.some((c) => c.isFinal), 'a final caption after the restart', 20_000);
    const heard = busCaptions
      .filter((c) => c.isFinal)
      .map((c) => c.text)
      .join(' ');
    expect(wordErrorRate(CLIP.text, heard)).toBeLessThan(0.6);
    speaker.producer.close();
    await waitFor(() => tapCount() === 0, 'the tap to close with its producer');
  }, 60_000);

  it('hands the link to a newer AI service; the replaced one stays away', async () => {
    const newer = await RawLink.open(TOKEN);
    await waitFor(
      async () => (await healthCheck(ai!.app, 'media-link')).status === 'down',
      'the older AI service to lose the link',
    );
    expect((await healthCheck(ai!.app, 'media-link')).message).toMatch(/Another AI service/);
    // Longer than the client's first reconnect delays: had it reconnected, `newer` would be replaced.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(newer.socket.readyState).toBe(WebSocket.OPEN);
    newer.socket.close();
    await newer.closed;
  });
});
