import {
  SignalingCloseCodes,
  type LanguageChoice,
  type NotificationFrame,
  type SignalingMethod,
  type SignalingRequestData,
  type SignalingResponseData,
  type Ticket,
} from '@meetai/shared';
import { createLogger } from '../lib/logger';
import { dispatchNotification, type RoomHandlerContext } from './handlers';
import { LocalMedia } from './local-media';
import type { JoinMediaChoices } from './local-tracks';
import type { MediaCapture } from './media/capture';
import type { DeviceFactory, MediaDevice, MediaProducer, MediaTransport } from './media/media-device';
import { QualityMonitor } from './quality-monitor';
import { exponentialBackoff, type ReconnectPolicy } from './reconnect-policy';
import { Reconnector } from './reconnector';
import { RemoteMedia } from './remote-media';
import type { RoomController } from './room-controller';
import { describeError } from './room-errors';
import type { CloseReason, LocalSource, RoomActions, RoomFailure, RoomState } from './room-store';
import { SignalingRequestError, type SignalingCloseEvent, type SignalingConnection } from './signaling-client';
import { TrackRegistry } from './track-registry';
import { openTransport } from './transport-factory';
import { TransportWatcher } from './transport-watcher';
import type { TileSource } from './video-visibility';

export type { JoinMediaChoices } from './local-tracks';

const log = createLogger('RoomClient');

export interface TicketOptions {
  /** For a connection prepared in the lobby, before the REST join (see `prepare`). */
  isLobby?: boolean;
}

export interface RoomClientDeps {
  fetchTicket(meetingId: number, resumePeerId: string | null, options?: TicketOptions): Promise<Ticket>;
  connectSignaling(ticket: Ticket): Promise<SignalingConnection>;
  createDevice: DeviceFactory;
  capture: MediaCapture;
  reconnectPolicy?: ReconnectPolicy;
  qualityIntervalMs?: number;
  pixelRatio?: () => number;
}

/** What the lobby hands over at Join: its final choices and the tracks its preview already has open. */
export interface JoinStart {
  media?: JoinMediaChoices;
  tracks?: Partial<Record<'mic' | 'webcam', MediaStreamTrack>>;
}

export interface RoomClientOptions {
  meetingId: number;
  displayName: string;
  media: JoinMediaChoices;
  actions: RoomActions;
  getState: () => RoomState;
  deps: RoomClientDeps;
}

/** Thrown inside a connection attempt that close() or a newer attempt has replaced. */
class StaleConnectionError extends Error {
  constructor() {
    super('The connection attempt was superseded');
  }
}

const LEAVE_TIMEOUT_MS = 2000;

/** Closes after which coming back makes no sense (the server's close codes). */
const FINAL_CLOSES: ReadonlyMap<number, CloseReason> = new Map([
  [SignalingCloseCodes.KICKED, 'kicked'],
  [SignalingCloseCodes.MEETING_ENDED, 'meeting-ended'],
  [SignalingCloseCodes.REPLACED, 'replaced'],
  [SignalingCloseCodes.LEFT, 'left'],
]);

/**
 * One joined meeting. Owns the signaling connection, the mediasoup device,
 * both transports, our producers (through LocalMedia) and everyone else's
 * consumers (through RemoteMedia), and writes what the UI needs into the room
 * store through its actions. Live tracks stay in `tracks`; the store holds only facts.
 */
export class RoomClient implements RoomController {
  readonly tracks = new TrackRegistry();
  private signaling: SignalingConnection | null = null;
  private device: MediaDevice | null = null;
  private sendTransport: MediaTransport | null = null;
  private recvTransport: MediaTransport | null = null;
  private readonly media: LocalMedia;
  private readonly remote: RemoteMedia;
  private readonly actions: RoomActions;
  private readonly reconnector: Reconnector;
  private readonly quality: QualityMonitor;
  private readonly transportWatcher: TransportWatcher;
  private readonly handlerContext: RoomHandlerContext;
  /** Bumped whenever a connection is torn down, so callbacks of an old one do nothing. */
  private epoch = 0;
  private peerId: string | null = null;
  private isClosed = false;
  private isJoining = false;
  /** Set by the first `join` that got in; until then a lost socket is a lost preparation, not a lost room. */
  private hasJoined = false;
  /** The lobby's head start (see `prepare`); settles, never rejects. */
  private preparation: Promise<void> | null = null;
  private isLeaving = false;
  private stopDeviceWatch: (() => void) | null = null;

  constructor(private readonly options: RoomClientOptions) {
    const { actions, deps } = options;
    this.actions = actions;
    this.media = new LocalMedia(
      {
        sendTransport: () => this.sendTransport,
        canProduce: (kind) => this.device?.canProduce(kind) ?? false,
        epoch: () => this.epoch,
        isClosed: () => this.isClosed,
        request: (method, data) => this.requestQuietly(method, data),
      },
      actions,
      deps.capture,
      this.tracks,
      options.media,
    );
    this.remote = new RemoteMedia(
      {
        recvTransport: () => this.recvTransport,
        epoch: () => this.epoch,
        consumers: () => options.getState().consumers,
        request: (method, data) => this.requestQuietly(method, data),
      },
      actions,
      this.tracks,
      deps.pixelRatio,
    );
    this.reconnector = new Reconnector(deps.reconnectPolicy ?? exponentialBackoff(), {
      // Our previous peer id lets the server resume us within its grace period, unseen by others.
      attempt: async () => {
        await this.connect(this.peerId);
        await this.media.produceAll();
        await this.media.publishStateIfChanged(options.getState().self?.state);
      },
      cleanUp: () => this.teardownConnection(),
      isClosed: () => this.isClosed,
    });
    this.quality = new QualityMonitor(
      {
        selfPeerId: () => this.peerId,
        sendTransport: () => this.sendTransport,
        recvTransport: () => this.recvTransport,
        consumersByPeer: () => this.remote.consumersByPeer(),
      },
      (quality) => actions.setQuality(quality),
      deps.qualityIntervalMs,
    );
    this.transportWatcher = new TransportWatcher((transport) => this.restartIce(transport));
    this.handlerContext = {
      actions,
      getState: options.getState,
      consume: (data) => this.remote.consume(data),
      closeConsumer: (consumerId) => this.remote.closeConsumer(consumerId),
      closePeerConsumers: (peerId) => this.remote.closePeerConsumers(peerId),
      muteMicForHost: () => this.muteMic(),
      restartRoom: () => void this.reconnect(),
      finish: (reason, message) => this.finish(reason, message),
    };
  }

  /** Read-only view for tests and diagnostics: the live producers by source. */
  get producers(): ReadonlyMap<LocalSource, MediaProducer> {
    return this.media.producers;
  }

  // ---- lifecycle --------------------------------------------------------------------------

  /**
   * Everything a join needs but the join itself (a lobby ticket, the socket,
   * router capabilities, the device, both transports), done while the person
   * still looks at their preview, so that Join only has to join. It never
   * fails: if it did, or the socket is lost before Join, `join` starts over.
   */
  prepare(): Promise<void> {
    if (this.isClosed || this.hasJoined || this.isJoining) return Promise.resolve();
    this.preparation ??= this.open(null, { isLobby: true }).then(
      () => undefined,
      (error: unknown) => {
        if (this.isClosed || error instanceof StaleConnectionError) return;
        log.warn('prepare() | failed; join will open the connection itself', error);
        this.teardownConnection();
      },
    );
    return this.preparation;
  }

  /**
   * Also what Rejoin does after a failure, starting from the media the user
   * last chose. `start` carries the lobby's choices when the client was made
   * before them (to prepare), and the tracks its preview already has open.
   */
  async join(start: JoinStart = {}): Promise<void> {
    if (this.isClosed || this.isJoining || this.reconnector.isRunning) return;
    if (this.options.getState().connectionState === 'connected') return;
    this.isJoining = true;
    this.actions.setConnectionState('connecting');
    if (start.media) this.media.start(start.media, start.tracks);
    // Cameras take a moment to start: open them while the signaling handshake runs.
    const tracksReady = this.media.tracks.acquireChosen();
    try {
      const preparation = this.preparation;
      this.preparation = null;
      await preparation;
      if (this.isPrepared()) await this.enterPrepared();
      else await this.connect(null);
      await tracksReady;
      await this.media.produceAll();
      await this.media.publishStateIfChanged(this.options.getState().self?.state);
      this.actions.setConnectionState('connected');
      this.afterConnected();
    } catch (error) {
      // Stale: close() or a roomRestarted reconnect took over, and that path owns the state now.
      if (this.isClosed || error instanceof StaleConnectionError) return;
      log.error('join() | failed', error);
      this.teardownConnection();
      await tracksReady;
      this.media.stopAll();
      this.fail('join', error);
    } finally {
      this.isJoining = false;
    }
  }

  async leave(): Promise<void> {
    if (this.isClosed) return;
    this.isLeaving = true;
    const signaling = this.signaling;
    if (signaling) {
      const timeout = new Promise((resolve) => setTimeout(resolve, LEAVE_TIMEOUT_MS));
      await Promise.race([
        signaling.request('leave', {}).catch((error) => log.warn('leave() | failed', error)),
        timeout,
      ]);
    }
    this.finish('left');
  }

  /** Idempotent: the page calls it on unmount, whatever state the room is in. */
  close(): void {
    if (this.isClosed) return;
    this.shutdown();
    const state = this.options.getState().connectionState;
    if (state !== 'failed' && state !== 'closed') this.actions.setConnectionState('closed');
  }

  private finish(reason: CloseReason, message: string | null = null): void {
    if (this.isClosed) return;
    this.shutdown();
    this.actions.setClosed(reason, message);
  }

  private shutdown(): void {
    this.isClosed = true;
    this.reconnector.interrupt();
    this.teardownConnection();
    this.media.stopAll();
    this.quality.stop();
    this.stopDeviceWatch?.();
    this.stopDeviceWatch = null;
  }

  private afterConnected(): void {
    this.quality.start();
    this.stopDeviceWatch ??= this.media.tracks.watchDevices();
    void this.media.tracks.refreshDevices();
  }

  // ---- connection -------------------------------------------------------------------------

  /** The demo's order: ticket, socket, router capabilities, device, transports, join. */
  private async connect(resumePeerId: string | null): Promise<void> {
    await this.enter(await this.open(resumePeerId));
  }

  /** Joins on the prepared connection; one that turns out lost (its close not seen yet) is opened anew. */
  private async enterPrepared(): Promise<void> {
    try {
      await this.enter(this.epoch);
    } catch (error) {
      if (!(error instanceof SignalingRequestError) || error.code !== 'CONNECTION_CLOSED') throw error;
      log.info('join() | the prepared connection was lost; opening a new one');
      this.teardownConnection();
      await this.connect(null);
    }
  }

  /** A connection whose socket and transports are up and current, waiting only for `join`. */
  private isPrepared(): boolean {
    return Boolean(this.signaling && this.device && this.sendTransport && this.recvTransport);
  }

  /** Up to `join`: ticket, socket, router capabilities, device, transports. Answers the connection's epoch. */
  private async open(resumePeerId: string | null, ticketOptions: TicketOptions = {}): Promise<number> {
    const epoch = ++this.epoch;
    const current = <T>(value: T): T => {
      if (epoch !== this.epoch || this.isClosed) throw new StaleConnectionError();
      return value;
    };
    const ticket = current(await this.options.deps.fetchTicket(this.options.meetingId, resumePeerId, ticketOptions));
    const signaling = await this.options.deps.connectSignaling(ticket);
    if (epoch !== this.epoch || this.isClosed) {
      signaling.close();
      throw new StaleConnectionError();
    }
    this.signaling = signaling;
    signaling.onNotification((notification) => this.handleNotification(epoch, notification));
    signaling.onClose((event) => this.handleSignalingClosed(epoch, event));

    const { rtpCapabilities } = current(await signaling.request('getRouterRtpCapabilities', {}));
    const device = current(await this.options.deps.createDevice());
    await device.load(rtpCapabilities);
    this.device = current(device);
    const onState: Parameters<typeof openTransport>[3] = (transport, state) => {
      if (epoch === this.epoch) this.transportWatcher.onStateChange(transport, state);
    };
    this.sendTransport = current(await openTransport(signaling, device, 'send', onState));
    this.recvTransport = current(await openTransport(signaling, device, 'recv', onState));
    return epoch;
  }

  /** `join` on the connection `open` made; the server then sends consumers for what the others send. */
  private async enter(epoch: number): Promise<void> {
    const { signaling, device } = this;
    if (epoch !== this.epoch || this.isClosed || !signaling || !device) throw new StaleConnectionError();
    const joined = await signaling.request('join', {
      displayName: this.options.displayName,
      rtpCapabilities: device.rtpCapabilities,
      state: this.media.state(),
    });
    if (epoch !== this.epoch || this.isClosed) throw new StaleConnectionError();
    this.peerId = joined.self.peerId;
    this.hasJoined = true;
    this.actions.setJoined(joined);
  }

  private async restartIce(transport: MediaTransport): Promise<void> {
    const signaling = this.signaling;
    if (!signaling || transport.closed) return;
    try {
      const { iceParameters } = await signaling.request('restartIce', { transportId: transport.id });
      if (!transport.closed) await transport.restartIce(iceParameters);
    } catch (error) {
      log.warn('restartIce() | failed', error);
      // A signaling socket that cannot answer is as good as dead: start over rather than wait for it.
      if (error instanceof SignalingRequestError && error.code === 'TIMEOUT') void this.reconnect();
    }
  }

  private handleSignalingClosed(epoch: number, event: SignalingCloseEvent): void {
    // During the first join a drop fails the join (its requests reject); Rejoin is the way on.
    if (epoch !== this.epoch || this.isClosed || this.isLeaving || this.isJoining || event.isByClient) return;
    if (!this.hasJoined) {
      // A connection prepared in the lobby is gone (server restart, network): Join opens a new one.
      log.info(`prepared connection closed (${event.code} ${event.reason}); join will open another`);
      this.teardownConnection();
      return;
    }
    const finalReason = FINAL_CLOSES.get(event.code);
    if (finalReason) {
      log.info(`signaling closed for good (${event.code} ${event.reason})`);
      this.finish(finalReason);
      return;
    }
    log.warn(`signaling closed (${event.code} ${event.reason}), reconnecting`);
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    if (this.reconnector.isRunning) return;
    this.teardownConnection();
    this.quality.stop();
    this.actions.setConnectionState('reconnecting');
    const outcome = await this.reconnector.run();
    if (outcome.ok === 'closed') return;
    if (outcome.ok) {
      this.actions.setConnectionState('connected');
      this.actions.pushNotice('reconnected');
      this.afterConnected();
      return;
    }
    this.media.stopAll();
    this.fail('reconnect', outcome.error);
  }

  /** Nothing of the lost room stays on screen behind the failure; Rejoin starts from a clean slate. */
  private fail(phase: RoomFailure['phase'], error: unknown): void {
    this.actions.clearRoom();
    this.actions.setFailure({ phase, ...describeError(error) });
  }

  /** Closes everything that belongs to one socket; local tracks survive for the next one. */
  private teardownConnection(): void {
    this.epoch++;
    this.transportWatcher.clear();
    this.media.forgetProducers();
    this.remote.forgetConsumers();
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.sendTransport = null;
    this.recvTransport = null;
    this.device = null;
    const signaling = this.signaling;
    this.signaling = null;
    signaling?.close();
    this.actions.clearMedia();
  }

  private handleNotification(epoch: number, notification: NotificationFrame): void {
    if (epoch !== this.epoch) return;
    Promise.resolve(dispatchNotification(this.handlerContext, notification)).catch((error) =>
      log.error(`${notification.type} | handler failed`, error),
    );
  }

  // ---- remote tiles -----------------------------------------------------------------------

  setTileSize(consumerId: string, width: number, height: number): void {
    this.remote.setTileSize(consumerId, width, height);
  }

  /** A tile or the screen stage reports whether it is on screen; video reported hidden is paused at the SFU. */
  setTileVisible(peerId: string, source: TileSource, isVisible: boolean): void {
    this.remote.setTileVisible(peerId, source, isVisible);
  }

  forgetTile(peerId: string, source: TileSource): void {
    this.remote.forgetTile(peerId, source);
  }

  // ---- user intents -----------------------------------------------------------------------

  enableMic = () => this.media.enable('mic');
  disableMic = () => this.media.disable('mic');
  muteMic = () => this.media.setMicMuted(true);
  unmuteMic = () => this.media.setMicMuted(false);
  enableWebcam = () => this.media.enable('webcam');
  disableWebcam = () => this.media.disable('webcam');
  /** Browser: getDisplayMedia; Electron: the bridge's source picker, plugged in as the capture's ScreenSource. */
  startScreenShare = () => this.media.enable('screen');
  stopScreenShare = () => this.media.disable('screen');
  switchMicrophone = (deviceId: string) => this.media.switchDevice('mic', deviceId);
  switchCamera = (deviceId: string) => this.media.switchDevice('webcam', deviceId);
  refreshDevices = () => this.media.tracks.refreshDevices();
  raiseHand = () => this.media.setHandRaised(true);
  lowerHand = () => this.media.setHandRaised(false);

  async sendChat(text: string): Promise<boolean> {
    const result = await this.requestQuietly('sendChat', { text });
    if (!result) {
      this.actions.pushNotice('chatFailed');
      return false;
    }
    this.actions.addChatMessage(result.message);
    return true;
  }

  async muteParticipant(peerId: string): Promise<void> {
    await this.hostRequest('muteParticipant', { peerId });
  }

  async removeParticipant(peerId: string): Promise<void> {
    await this.hostRequest('removeParticipant', { peerId });
  }

  async lockMeeting(locked: boolean): Promise<void> {
    if (await this.hostRequest('lockMeeting', { locked })) this.actions.setLocked(locked);
  }

  async endMeeting(): Promise<void> {
    if (await this.hostRequest('endMeeting', {})) this.finish('host-ended');
  }

  /** Host: live captions on or off for everyone, in a fixed language or `auto` (detected per line). */
  async setCaptions(enabled: boolean, language?: LanguageChoice): Promise<void> {
    const result = await this.requestQuietly('setCaptions', language ? { enabled, language } : { enabled });
    if (result) this.actions.setCaptionsStatus(result.status);
    else if (!this.isClosed) this.actions.pushNotice('captionsFailed');
  }

  /** Host: emotion estimates and the experimental synthetic-voice indicator on or off for everyone. */
  async setAnalysis(change: { emotion?: boolean; synthesis?: boolean }): Promise<void> {
    const result = await this.requestQuietly('setAnalysis', change);
    if (result) this.actions.setAnalysisStatus(result.status);
    else if (!this.isClosed) this.actions.pushNotice('analysisFailed');
  }

  private async hostRequest<M extends SignalingMethod>(method: M, data: SignalingRequestData<M>): Promise<boolean> {
    const result = await this.requestQuietly(method, data);
    // Ending the meeting closes the room (meetingEnded) before its own answer arrives: not a failure.
    if (!result && !this.isClosed) this.actions.pushNotice('actionFailed');
    return result !== null;
  }

  getTrack(consumerId: string): MediaStreamTrack | null {
    return this.tracks.getRemote(consumerId);
  }

  getLocalTrack(source: LocalSource): MediaStreamTrack | null {
    return this.tracks.getLocal(source);
  }

  subscribeTracks(listener: () => void): () => void {
    return this.tracks.subscribe(listener);
  }

  /** A request whose failure is logged and answered with null; the caller decides what the user sees. */
  private async requestQuietly<M extends SignalingMethod>(
    method: M,
    data: SignalingRequestData<M>,
  ): Promise<SignalingResponseData<M> | null> {
    const signaling = this.signaling;
    if (!signaling) return null;
    try {
      return await signaling.request(method, data);
    } catch (error) {
      if (!this.isClosed) log.warn(`${method} | failed`, error);
      return null;
    }
  }
}
