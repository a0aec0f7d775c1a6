import {
  SignalingRequests,
  type CaptionsStatus,
  type ChatMessage,
  type NotificationFrame,
  type PeerInfo,
  type SignalingMethod,
  type SignalingRequestData,
  type SignalingResponseData,
  type Ticket,
} from '@meetai/shared';
import type { RoomClientDeps } from '../RoomClient';
import { SignalingRequestError, type SignalingCloseEvent, type SignalingConnection } from '../signaling-client';
import type { ConsumerView } from '../room-store';
import { FakeCapture } from './fake-capture';
import { FakeDevice } from './fake-device';

type Responder<M extends SignalingMethod> = (
  data: SignalingRequestData<M>,
  connection: FakeSignaling,
) => SignalingResponseData<M> | Promise<SignalingResponseData<M>>;

/** A signaling connection to the fake server; requests and answers are checked against the shared schemas. */
export class FakeSignaling implements SignalingConnection {
  readonly requests: { method: SignalingMethod; data: unknown }[] = [];
  isClosed = false;
  private readonly notificationListeners = new Set<(notification: NotificationFrame) => void>();
  private readonly closeListeners = new Set<(event: SignalingCloseEvent) => void>();
  private readonly pending = new Set<(error: Error) => void>();

  constructor(
    private readonly server: FakeServer,
    readonly ticket: Ticket,
  ) {}

  request<M extends SignalingMethod>(method: M, data: SignalingRequestData<M>): Promise<SignalingResponseData<M>> {
    if (this.isClosed) return Promise.reject(new SignalingRequestError('CONNECTION_CLOSED', method, 'closed'));
    this.requests.push({ method, data });
    this.server.journal.push(
      method === 'createWebRtcTransport' ? `${method}:${(data as { direction: string }).direction}` : method,
    );
    return new Promise((resolve, reject) => {
      this.pending.add(reject);
      this.server
        .answer(method, data, this)
        .then(resolve, reject)
        .finally(() => this.pending.delete(reject));
    });
  }

  requestsOf(method: SignalingMethod): unknown[] {
    return this.requests.filter((request) => request.method === method).map((request) => request.data);
  }

  onNotification(listener: (notification: NotificationFrame) => void) {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  onClose(listener: (event: SignalingCloseEvent) => void) {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  notify(notification: NotificationFrame) {
    for (const listener of [...this.notificationListeners]) listener(notification);
  }

  close() {
    this.shut({ code: 1000, reason: 'client closed', isByClient: true });
  }

  /** The server (or the network) drops the socket. */
  drop(code = 1006) {
    this.shut({ code, reason: 'dropped', isByClient: false });
  }

  private shut(event: SignalingCloseEvent) {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const reject of this.pending) reject(new SignalingRequestError('CONNECTION_CLOSED', 'any', 'closed'));
    for (const listener of [...this.closeListeners]) listener(event);
  }
}

export function peerFixture(peerId: string, overrides: Partial<PeerInfo> = {}): PeerInfo {
  return {
    peerId,
    userId: Number(peerId.replace(/\D/g, '')) || 99,
    displayName: `Peer ${peerId}`,
    role: 'participant',
    state: { isMuted: false, isCameraOff: false, isHandRaised: false },
    producers: [],
    joinedAt: '2030-03-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A flowing webcam consumer of `peerId`; override what a test is about. */
export function consumerFixture(
  consumerId: string,
  peerId: string,
  overrides: Partial<ConsumerView> = {},
): ConsumerView {
  return {
    consumerId,
    producerId: `producer-of-${consumerId}`,
    peerId,
    kind: 'video',
    source: 'webcam',
    isProducerPaused: false,
    isPausedByUs: false,
    spatialLayer: null,
    ...overrides,
  };
}

/**
 * Plays the server's part: hands out tickets, answers every request the way
 * the real one does (overridable per method), and records one journal of
 * what happened in what order, device steps included.
 */
export class FakeServer {
  readonly journal: string[] = [];
  readonly tickets: { meetingId: number; resumePeerId: string | null; isLobby?: true }[] = [];
  readonly connections: FakeSignaling[] = [];
  readonly devices: FakeDevice[] = [];
  readonly capture = new FakeCapture();
  peers: PeerInfo[] = [peerFixture('peer-2', { displayName: 'Wang Fang' })];
  chatHistory: ChatMessage[] = [];
  selfRole: PeerInfo['role'] = 'participant';
  /** What `join` says about captions; undefined: a server without the AI module. */
  captions: CaptionsStatus | undefined = undefined;
  /** Errors thrown by the next ticket requests, in order. */
  readonly ticketFailures: Error[] = [];
  private readonly overrides = new Map<SignalingMethod, Responder<SignalingMethod>>();
  private counter = 0;

  on<M extends SignalingMethod>(method: M, responder: Responder<M>) {
    this.overrides.set(method, responder as unknown as Responder<SignalingMethod>);
  }

  get last(): FakeSignaling {
    const connection = this.connections.at(-1);
    if (!connection) throw new Error('no connection yet');
    return connection;
  }

  get lastDevice(): FakeDevice {
    const device = this.devices.at(-1);
    if (!device) throw new Error('no device yet');
    return device;
  }

  deps(overrides: Partial<RoomClientDeps> = {}): RoomClientDeps {
    return {
      fetchTicket: async (meetingId, resumePeerId, options) => {
        this.journal.push('ticket');
        this.tickets.push({ meetingId, resumePeerId, ...(options?.isLobby ? { isLobby: true as const } : {}) });
        const failure = this.ticketFailures.shift();
        if (failure) throw failure;
        return {
          ticket: `t${++this.counter}`,
          expires_at: '2030-01-01T00:00:30Z',
          peer_id: 'x',
          ws_path: '/ws/signaling?ticket=t',
        };
      },
      connectSignaling: async (ticket) => {
        this.journal.push('socket');
        const connection = new FakeSignaling(this, ticket);
        this.connections.push(connection);
        return connection;
      },
      createDevice: async () => {
        const device = new FakeDevice(this.journal);
        this.devices.push(device);
        return device;
      },
      capture: this.capture,
      reconnectPolicy: { maxAttempts: 3, delayMs: () => 1000 },
      qualityIntervalMs: 60_000,
      ...overrides,
    };
  }

  async answer<M extends SignalingMethod>(
    method: M,
    data: unknown,
    connection: FakeSignaling,
  ): Promise<SignalingResponseData<M>> {
    const schemas = SignalingRequests[method];
    const checked = schemas.data.safeParse(data);
    if (!checked.success) throw new SignalingRequestError('VALIDATION_FAILED', method, checked.error.message);
    const responder = (this.overrides.get(method) ?? this.defaults[method]) as Responder<M> | undefined;
    const result = responder ? await responder(checked.data as SignalingRequestData<M>, connection) : {};
    return schemas.response.parse(result) as SignalingResponseData<M>;
  }

  /** The standard answers; an override may call one of these to wrap it. */
  readonly defaults: { [M in SignalingMethod]?: Responder<M> } = {
    getRouterRtpCapabilities: () => ({
      rtpCapabilities: { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] },
    }),
    createWebRtcTransport: ({ direction }) => ({
      id: `${direction}-transport-${++this.counter}`,
      iceParameters: { usernameFragment: 'u', password: 'p' },
      iceCandidates: [],
      dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
    }),
    join: ({ displayName, state }, connection) => {
      const resumePeerId = this.tickets.at(-1)?.resumePeerId ?? null;
      const selfId = resumePeerId ?? `peer-self-${this.connections.indexOf(connection) + 1}`;
      return {
        self: peerFixture(selfId, {
          userId: 7,
          displayName,
          role: this.selfRole,
          state: { isMuted: true, isCameraOff: true, isHandRaised: false, ...state },
        }),
        peers: this.peers,
        chatHistory: this.chatHistory,
        isLocked: false,
        resumed: resumePeerId !== null,
        ...(this.captions ? { captions: this.captions } : {}),
      };
    },
    produce: () => ({ producerId: `producer-${++this.counter}` }),
    restartIce: () => ({ iceParameters: { usernameFragment: 'u2', password: 'p2' } }),
    updatePeerState: (patch) => ({ state: { isMuted: false, isCameraOff: false, isHandRaised: false, ...patch } }),
    setCaptions: ({ enabled, language }) => {
      if (!this.captions) throw new SignalingRequestError('AI_UNAVAILABLE', 'setCaptions', 'no AI module');
      this.captions = {
        ...this.captions,
        enabled,
        state: enabled ? 'active' : 'off',
        language: language ?? this.captions.language,
      };
      return { status: this.captions };
    },
    sendChat: ({ text }) => ({
      message: {
        id: `m${++this.counter}`,
        meetingId: 42,
        userId: 7,
        displayName: 'Mei Lin',
        text,
        sentAt: '2030-03-02T09:01:00.000Z',
      },
    }),
  };
}
