import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { z } from 'zod';
import { describeIssues, type ErrorCode } from '@meetai/shared';
import { LinkFrameSchema, type LinkFrame } from '@meetai/shared/contracts/internal/media-link';

export type RequestTable = Record<string, { data: z.ZodType; response: z.ZodType }>;
export type EventTable = Record<string, z.ZodType>;

/** One end of the link: the requests it answers and asks, the events it hears and tells. */
export type LinkEnd = { serves: RequestTable; asks: RequestTable; hears: EventTable; tells: EventTable };

export type LinkHandlers<E extends LinkEnd> = {
  requests: {
    [M in keyof E['serves']]: (data: z.infer<E['serves'][M]['data']>) => Promise<z.input<E['serves'][M]['response']>>;
  };
  events: { [K in keyof E['hears']]: (data: z.infer<E['hears'][K]>) => void };
};

export type LinkTiming = {
  /** A request unanswered this long fails (the other end is stuck or gone). */
  requestTimeoutMs: number;
  /** Ping interval; a ping unanswered by the next one ends the link. */
  heartbeatMs: number;
};

export const DEFAULT_LINK_TIMING: LinkTiming = { requestTimeoutMs: 5_000, heartbeatMs: 10_000 };

/** A refusal with a code from `shared/errors.ts`, sent as an `error` frame (or received as one). */
export class LinkError extends Error {
  override name = 'LinkError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Pending = {
  method: string;
  resolve: (data: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** An error frame's message fits its schema whatever a handler threw. */
const MAX_ERROR_MESSAGE = 2000;

/**
 * Requests, replies and events over one WebSocket, both ways, every frame
 * checked against the shared schemas on arrival (and before it leaves). A bad
 * frame is answered with an `error` frame and goes no further: it never
 * throws out of here, whatever the other end sends. Heartbeats end a link
 * whose other end stopped answering.
 */
export class LinkChannel<E extends LinkEnd> {
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly pending = new Map<number, Pending>();
  private readonly heartbeat: NodeJS.Timeout;
  private nextId = 1;
  private isAlive = true;

  constructor(
    private readonly socket: WebSocket,
    private readonly end: E,
    private readonly handlers: LinkHandlers<E>,
    private readonly timing: LinkTiming,
    private readonly log: FastifyBaseLogger,
  ) {
    socket.on('message', (data, isBinary) =>
      this.receive(data, isBinary).catch((err: unknown) => log.error({ err }, 'could not handle a media link frame')),
    );
    socket.on('pong', () => {
      this.isAlive = true;
    });
    socket.on('error', (err) => log.debug({ err }, 'media link socket error'));
    this.heartbeat = setInterval(() => this.beat(), timing.heartbeatMs);
    this.heartbeat.unref();
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        clearInterval(this.heartbeat);
        for (const [id, pending] of this.pending) this.fail(id, pending, 'The media link closed before the answer.');
        resolve({ code, reason: reason.toString() });
      }),
    );
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  request<M extends keyof E['asks'] & string>(
    method: M,
    data: z.input<E['asks'][M]['data']>,
  ): Promise<z.infer<E['asks'][M]['response']>> {
    const checked = (this.end.asks[method] as E['asks'][M]).data.safeParse(data);
    if (!checked.success) {
      return Promise.reject(new LinkError('VALIDATION_FAILED', `${method}: ${describeIssues(checked.error)}`));
    }
    if (!this.isOpen) return Promise.reject(new LinkError('SERVICE_UNAVAILABLE', 'The media link is not connected.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(id, this.pending.get(id), `No answer to ${method} within ${this.timing.requestTimeoutMs} ms.`),
        this.timing.requestTimeoutMs,
      );
      this.pending.set(id, { method, resolve: resolve as (data: unknown) => void, reject, timer });
      this.send({ kind: 'request', id, method, data: checked.data });
    });
  }

  /** Sends an event; false when the link is down (events are not queued: they are live state). */
  notify<K extends keyof E['tells'] & string>(type: K, data: z.input<E['tells'][K]>): boolean {
    const checked = (this.end.tells[type] as z.ZodType).safeParse(data);
    if (!checked.success) {
      this.log.error({ type, problem: describeIssues(checked.error) }, 'refused to send a malformed media link event');
      return false;
    }
    return this.send({ kind: 'event', type, data: checked.data });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private beat(): void {
    if (!this.isAlive) {
      this.log.warn('the other end of the media link stopped answering pings; dropping it');
      this.socket.terminate();
      return;
    }
    this.isAlive = false;
    this.socket.ping();
  }

  private async receive(raw: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) return this.refuse(null, 'BAD_MESSAGE', 'Media link frames are JSON text.');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString());
    } catch {
      return this.refuse(null, 'MALFORMED_JSON', 'The frame is not JSON.');
    }
    const frame = LinkFrameSchema.safeParse(json);
    if (!frame.success) {
      return this.refuse(requestIdOf(json), 'BAD_MESSAGE', `Not a media link frame: ${describeIssues(frame.error)}`);
    }
    switch (frame.data.kind) {
      case 'request':
        return this.answer(frame.data);
      case 'response':
        return this.settle(frame.data.id, frame.data.data);
      case 'error':
        return this.settleError(frame.data);
      case 'event':
        return this.dispatch(frame.data);
    }
  }

  private async answer({ id, method, data }: Extract<LinkFrame, { kind: 'request' }>): Promise<void> {
    if (!Object.hasOwn(this.end.serves, method)) return this.refuse(id, 'UNKNOWN_METHOD', `Unknown method ${method}.`);
    const spec = this.end.serves[method] as RequestTable[string];
    const checked = spec.data.safeParse(data);
    if (!checked.success) return this.refuse(id, 'VALIDATION_FAILED', `${method}: ${describeIssues(checked.error)}`);
    const handle = this.handlers.requests[method] as (data: unknown) => Promise<unknown>;
    try {
      const answer = spec.response.safeParse(await handle(checked.data));
      if (!answer.success) {
        this.log.error(
          { method, problem: describeIssues(answer.error) },
          'a media link handler gave a malformed answer',
        );
        return this.refuse(id, 'INTERNAL', `The answer to ${method} was malformed; it has been logged.`);
      }
      this.send({ kind: 'response', id, data: answer.data });
    } catch (err) {
      if (!(err instanceof LinkError)) this.log.error({ err, method }, 'a media link request failed');
      // The other end is our own service: the reason helps whoever reads its log.
      this.refuse(
        id,
        err instanceof LinkError ? err.code : 'INTERNAL',
        err instanceof Error ? err.message : String(err),
      );
    }
  }

  private settle(id: number, data: unknown): void {
    const pending = this.pending.get(id);
    if (!pending) return void this.log.warn({ id }, 'a media link answer to no request in flight');
    const checked = (this.end.asks[pending.method] as RequestTable[string]).response.safeParse(data);
    if (!checked.success) {
      this.log.warn(
        { method: pending.method, problem: describeIssues(checked.error) },
        'a malformed media link answer',
      );
      return this.fail(id, pending, `The answer to ${pending.method} was malformed.`, 'BAD_MESSAGE');
    }
    this.forget(id, pending);
    pending.resolve(checked.data);
  }

  private settleError({ id, error }: Extract<LinkFrame, { kind: 'error' }>): void {
    const pending = id === null ? undefined : this.pending.get(id);
    if (pending && id !== null) return this.fail(id, pending, error.message, error.code);
    // Not an answer to a request of ours: the other end refused something we sent. A bug to look at.
    this.log.warn({ id, error }, 'the other end of the media link refused a frame');
  }

  private dispatch({ type, data }: Extract<LinkFrame, { kind: 'event' }>): void {
    if (!Object.hasOwn(this.end.hears, type)) return this.refuse(null, 'BAD_MESSAGE', `Unknown event ${type}.`);
    const checked = (this.end.hears[type] as z.ZodType).safeParse(data);
    if (!checked.success) return this.refuse(null, 'VALIDATION_FAILED', `${type}: ${describeIssues(checked.error)}`);
    try {
      (this.handlers.events[type] as (data: unknown) => void)(checked.data);
    } catch (err) {
      this.log.error({ err, type }, 'a media link event handler failed');
    }
  }

  private fail(
    id: number,
    pending: Pending | undefined,
    message: string,
    code: ErrorCode = 'SERVICE_UNAVAILABLE',
  ): void {
    if (!pending) return;
    this.forget(id, pending);
    pending.reject(new LinkError(code, message));
  }

  private forget(id: number, pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending.delete(id);
  }

  private refuse(id: number | null, code: ErrorCode, message: string): void {
    this.send({ kind: 'error', id, error: { code, message: message.slice(0, MAX_ERROR_MESSAGE) } });
  }

  private send(frame: LinkFrame): boolean {
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }
}

/**
 * The id of a broken request, so its sender's call fails at once instead of
 * timing out. Only a request's: the id of a broken reply or error is the
 * other end's request number space, not ours to answer in.
 */
function requestIdOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null) return null;
  const { kind, id } = json as { kind?: unknown; id?: unknown };
  return kind === 'request' && typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
