import type { WebSocket, RawData } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import type {
  ResponseFrame,
  SignalingCloseCode,
  SignalingNotificationData,
  SignalingNotificationType,
} from '@meetai/shared';
import { frameIdOfText } from './frame-id';
import { TokenBucket } from './token-bucket';

export type ConnectionLimits = {
  maxMessageBytes: number;
  heartbeatMs: number;
  /** Requests a client may send at once, then per second. */
  burst: number;
  perSecond: number;
};

/** A handled request: the reply, then work that must happen only once the client has it. */
export type Handled = { response: ResponseFrame; after: (() => Promise<void>)[] };

export type ConnectionHandlers = {
  handle: (text: string) => Promise<Handled>;
  /** The socket is gone, for whatever reason (close, error, missed heartbeats). */
  closed: (code: number) => void;
};

/** Requests waiting behind the one in progress; more means a client that does not wait for answers. */
const MAX_QUEUED = 256;
/** A close waits for the request in progress to be answered, but not forever. */
const CLOSE_WAIT_MS = 2_000;
const MISSED_PONGS_ALLOWED = 2;

/**
 * One signaling socket: size and rate limits, heartbeats, and a queue that
 * handles the client's requests one at a time in the order they came (so a
 * `produce` can never overtake the `join` sent before it).
 */
export class SignalingConnection {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private missedPongs = 0;
  private isClosing = false;
  private readonly bucket: TokenBucket;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly limits: ConnectionLimits,
    private readonly log: FastifyBaseLogger,
  ) {
    this.bucket = new TokenBucket(limits.burst, limits.perSecond);
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts reading; `first` runs before any request (e.g. attaching to the meeting). */
  start(handlers: ConnectionHandlers, first: () => Promise<void>): void {
    this.socket.on('pong', () => {
      this.missedPongs = 0;
    });
    this.socket.on('message', (data, isBinary) => this.receive(handlers, data, isBinary));
    this.socket.on('error', (err) => this.log.debug({ err }, 'signaling socket error'));
    this.socket.once('close', (code) => {
      clearInterval(this.heartbeat);
      this.isClosing = true;
      handlers.closed(code);
    });
    this.enqueue(first);
  }

  get isOpen(): boolean {
    return !this.isClosing && this.socket.readyState === this.socket.OPEN;
  }

  notify<T extends SignalingNotificationType>(type: T, data: SignalingNotificationData<T>): void {
    this.send({ type, data });
  }

  /** Closes once the request in progress (if any) has been answered. */
  close(code: SignalingCloseCode, reason: string): void {
    if (this.isClosing) return;
    this.isClosing = true;
    const closeNow = () => {
      if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
    };
    const timer = setTimeout(closeNow, CLOSE_WAIT_MS);
    void this.queue.finally(() => {
      clearTimeout(timer);
      closeNow();
    });
  }

  terminate(): void {
    this.socket.terminate();
  }

  private receive(handlers: ConnectionHandlers, data: RawData, isBinary: boolean): void {
    this.missedPongs = 0;
    if (this.isClosing) return;
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    if (!this.bucket.take() || this.queued >= MAX_QUEUED) {
      const id = isBinary || size > this.limits.maxMessageBytes ? null : frameIdOfText(rawText(data));
      this.replyError(
        id,
        'RATE_LIMITED',
        'Too many requests on this connection: wait for answers before sending more.',
      );
      return;
    }
    // Refusals go through the queue too, so replies always come in the order of the requests.
    if (size > this.limits.maxMessageBytes) {
      const message = `A message may be at most ${this.limits.maxMessageBytes} bytes; this one has ${size}.`;
      this.enqueue(async () => this.replyError(null, 'MESSAGE_TOO_LARGE', message));
      return;
    }
    if (isBinary) {
      this.enqueue(async () => this.replyError(null, 'BAD_MESSAGE', 'Send requests as JSON text frames, not binary.'));
      return;
    }
    const text = rawText(data);
    this.enqueue(async () => {
      const { response, after } = await handlers.handle(text);
      this.send(response);
      for (const task of after) {
        task().catch((err: unknown) => this.log.warn({ err }, 'work after a signaling reply failed'));
      }
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queued += 1;
    this.queue = this.queue
      .then(task)
      .catch((err: unknown) => this.log.error({ err }, 'signaling task failed'))
      .finally(() => {
        this.queued -= 1;
      });
  }

  private replyError(
    id: number | null,
    code: 'MESSAGE_TOO_LARGE' | 'BAD_MESSAGE' | 'RATE_LIMITED',
    message: string,
  ): void {
    this.send({ id, ok: false, error: { code, message } });
  }

  private send(frame: unknown): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(frame));
  }

  /** A socket that misses two pings in a row is dead (a laptop lid closed, a NAT forgot us). */
  private beat(): void {
    if (this.missedPongs >= MISSED_PONGS_ALLOWED) {
      this.log.info('signaling socket missed its heartbeats; dropping it');
      this.socket.terminate();
      return;
    }
    this.missedPongs += 1;
    if (this.socket.readyState === this.socket.OPEN) this.socket.ping();
  }
}

function rawText(data: RawData): string {
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');
}
