import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import WebSocket from 'ws';
import type { z } from 'zod';
import { MediaLinkCloseCodes } from '@meetai/shared/contracts/internal/media-link';
import { LinkChannel, LinkError, type LinkHandlers, type LinkTiming } from './LinkChannel';
import { AI_END, type AiEnd } from './link-ends';

export type Backoff = { initialMs: number; maxMs: number };

export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 10_000 };

export type MediaLinkClientOptions = {
  url: string;
  token: string;
  handlers: LinkHandlers<AiEnd>;
  timing: LinkTiming;
  backoff: Backoff;
  log: FastifyBaseLogger;
};

/** Caption events and seam replies are small; this only stops absurd frames. */
const MAX_FRAME_BYTES = 1024 * 1024;

/** Codes after which reconnecting soon cannot help (the other side's configuration must change first). */
const REFUSED = new Set<number>([MediaLinkCloseCodes.UNAUTHORIZED, MediaLinkCloseCodes.NOT_CONFIGURED]);

/**
 * The AI service's end of the media link: connects to AI_MEDIA_URL with the
 * internal token and stays connected, reconnecting with exponential backoff
 * (with jitter) whenever the link drops. `up` and `down` tell when the link
 * changes. A link replaced by another AI service stays down.
 */
export class MediaLinkClient extends EventEmitter<{ up: []; down: [reason: string] }> {
  private channel: LinkChannel<AiEnd> | undefined;
  private socket: WebSocket | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private isStopped = false;
  private lastProblem = 'not connected yet';

  constructor(private readonly options: MediaLinkClientOptions) {
    super();
  }

  get isConnected(): boolean {
    return this.channel?.isOpen ?? false;
  }

  /** Why the link is down (for health checks). */
  get problem(): string {
    return this.lastProblem;
  }

  start(): void {
    if (!this.socket && !this.isStopped) this.connect();
  }

  request<M extends keyof AiEnd['asks'] & string>(
    method: M,
    data: z.input<AiEnd['asks'][M]['data']>,
  ): Promise<z.infer<AiEnd['asks'][M]['response']>> {
    if (!this.channel) {
      return Promise.reject(
        new LinkError('SERVICE_UNAVAILABLE', 'The AI service is not connected to the media service.'),
      );
    }
    return this.channel.request(method, data);
  }

  /** False when the link is down: the event is dropped (it is about a moment that has passed). */
  notify<K extends keyof AiEnd['tells'] & string>(type: K, data: z.input<AiEnd['tells'][K]>): boolean {
    return this.channel?.notify(type, data) ?? false;
  }

  close(): void {
    this.isStopped = true;
    clearTimeout(this.retry);
    if (this.channel) this.channel.close(MediaLinkCloseCodes.GOING_AWAY, 'The AI service is shutting down.');
    else this.socket?.terminate();
  }

  private connect(): void {
    const { url, token, log } = this.options;
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${token}` },
      maxPayload: MAX_FRAME_BYTES,
      handshakeTimeout: 10_000,
    });
    this.socket = socket;
    socket.on('error', (err) => {
      this.lastProblem = err.message;
      log.debug({ err }, 'media link socket error');
    });
    socket.once('open', () => {
      this.failures = 0;
      this.channel = new LinkChannel(socket, AI_END, this.options.handlers, this.options.timing, log);
      log.info({ url }, 'connected to the media service');
      this.emit('up');
    });
    socket.once('close', (code, reasonBuffer) => this.lost(code, reasonBuffer.toString()));
  }

  private lost(code: number, reason: string): void {
    const wasUp = this.channel !== undefined;
    this.channel = undefined;
    this.socket = undefined;
    if (reason) this.lastProblem = `${reason} (close ${code})`;
    if (wasUp) this.emit('down', this.lastProblem);
    if (this.isStopped) return;
    const { log, backoff } = this.options;
    if (code === MediaLinkCloseCodes.REPLACED) {
      log.error({ reason }, 'another AI service took over the media link; this one stays disconnected');
      return;
    }
    this.failures += 1;
    const isRefused = REFUSED.has(code);
    const base = isRefused ? backoff.maxMs : Math.min(backoff.maxMs, backoff.initialMs * 2 ** (this.failures - 1));
    const delayMs = Math.round(base * (0.75 + Math.random() * 0.5));
    // A refusal is a configuration mistake: say it loudly every time; a dropped link only at first.
    const level = isRefused ? 'error' : this.failures <= 1 ? 'warn' : 'debug';
    log[level]({ code, problem: this.lastProblem, delayMs }, 'media link down; reconnecting');
    this.retry = setTimeout(() => this.connect(), delayMs);
    this.retry.unref();
  }
}
