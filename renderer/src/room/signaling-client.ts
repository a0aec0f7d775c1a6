import {
  NotificationFrameSchema,
  ResponseFrameSchema,
  SignalingCloseCodes,
  SignalingNotifications,
  SignalingRequests,
  describeIssues,
  isNotificationType,
  type ErrorCode,
  type NotificationFrame,
  type SignalingMethod,
  type SignalingRequestData,
  type SignalingResponseData,
} from '@meetai/shared';
import { createLogger } from '../lib/logger';

const log = createLogger('SignalingClient');

/** Failures a request can end with: the server's codes plus those that happen on this side. */
export type SignalingFailureCode = ErrorCode | 'TIMEOUT' | 'CONNECTION_CLOSED' | 'BAD_RESPONSE';

export class SignalingRequestError extends Error {
  constructor(
    readonly code: SignalingFailureCode,
    readonly method: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignalingRequestError';
  }
}

/** What the client needs from a socket; the browser's WebSocket is adapted by `browserSocketFactory`. */
export interface SocketEvents {
  open(): void;
  message(text: string): void;
  close(code: number, reason: string): void;
  error(): void;
}
export interface SignalingSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string, events: SocketEvents) => SignalingSocket;

export const browserSocketFactory: SocketFactory = (url, events) => {
  const socket = new WebSocket(url);
  socket.onopen = () => events.open();
  socket.onmessage = (event: MessageEvent) => events.message(typeof event.data === 'string' ? event.data : '');
  socket.onclose = (event: CloseEvent) => events.close(event.code, event.reason);
  socket.onerror = () => events.error();
  return { send: (text) => socket.send(text), close: (code, reason) => socket.close(code, reason) };
};

export interface SignalingCloseEvent {
  code: number;
  reason: string;
  /** True when this side called `close()`; the room client only reconnects after closes it did not ask for. */
  isByClient: boolean;
}

/** The part of the signaling client the RoomClient uses, so tests can hand it a fake. */
export interface SignalingConnection {
  request<M extends SignalingMethod>(method: M, data: SignalingRequestData<M>): Promise<SignalingResponseData<M>>;
  onNotification(listener: (notification: NotificationFrame) => void): () => void;
  onClose(listener: (event: SignalingCloseEvent) => void): () => void;
  close(): void;
}

export interface SignalingClientOptions {
  socketFactory?: SocketFactory;
  requestTimeoutMs?: number;
  openTimeoutMs?: number;
}

interface PendingRequest {
  method: SignalingMethod;
  resolve(data: unknown): void;
  reject(error: SignalingRequestError): void;
  timer: ReturnType<typeof setTimeout>;
}

const NORMAL_CLOSURE = 1000;

/** Requests cut off by a close say why, so a join refused at the socket reads like one refused by reply. */
function failureForClose(code: number): SignalingFailureCode {
  if (code === SignalingCloseCodes.MEETING_ENDED) return 'MEETING_ENDED';
  if (code === SignalingCloseCodes.KICKED) return 'FORBIDDEN';
  if (code === SignalingCloseCodes.TICKET_INVALID) return 'TICKET_INVALID';
  if (code === SignalingCloseCodes.MEDIA_UNAVAILABLE) return 'SERVICE_UNAVAILABLE';
  return 'CONNECTION_CLOSED';
}

/**
 * One signaling WebSocket: typed requests answered by id, typed notifications,
 * and every incoming frame checked against the shared schemas. A frame that
 * fails its schema is logged and dropped: it never reaches the room.
 */
export class SignalingClient implements SignalingConnection {
  private socket: SignalingSocket | null = null;
  private nextId = 1;
  private isClosed = false;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly notificationListeners = new Set<(notification: NotificationFrame) => void>();
  private readonly closeListeners = new Set<(event: SignalingCloseEvent) => void>();
  private readonly requestTimeoutMs: number;

  private constructor(options: SignalingClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  /** Resolves once the socket is open; rejects if it closes or stays silent first. */
  static connect(url: string, options: SignalingClientOptions = {}): Promise<SignalingClient> {
    const client = new SignalingClient(options);
    const factory = options.socketFactory ?? browserSocketFactory;
    return new Promise<SignalingClient>((resolve, reject) => {
      let isOpen = false;
      const openTimer = setTimeout(() => {
        if (isOpen) return;
        client.close();
        reject(new SignalingRequestError('TIMEOUT', 'connect', 'The signaling server did not answer in time'));
      }, options.openTimeoutMs ?? 10_000);
      client.socket = factory(url, {
        open: () => {
          isOpen = true;
          clearTimeout(openTimer);
          resolve(client);
        },
        message: (text) => client.handleFrame(text),
        close: (code, reason) => {
          clearTimeout(openTimer);
          if (!isOpen) {
            reject(
              new SignalingRequestError(
                failureForClose(code),
                'connect',
                `The signaling socket closed (${code}) ${reason}`.trim(),
              ),
            );
          }
          client.handleClosed(code, reason, false);
        },
        // A close event always follows an error event, and it carries the code; act on that one.
        error: () => log.warn('socket error'),
      });
    });
  }

  request<M extends SignalingMethod>(method: M, data: SignalingRequestData<M>): Promise<SignalingResponseData<M>> {
    if (this.isClosed || !this.socket) {
      return Promise.reject(
        new SignalingRequestError('CONNECTION_CLOSED', method, 'The signaling connection is closed'),
      );
    }
    // Checked here too, so a client bug fails locally with a readable reason instead of a server round trip.
    const checked = SignalingRequests[method].data.safeParse(data);
    if (!checked.success) {
      return Promise.reject(new SignalingRequestError('VALIDATION_FAILED', method, describeIssues(checked.error)));
    }
    const id = this.nextId++;
    const socket = this.socket;
    return new Promise<SignalingResponseData<M>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SignalingRequestError('TIMEOUT', method, `No answer to ${method} in ${this.requestTimeoutMs} ms`));
      }, this.requestTimeoutMs);
      this.pending.set(id, { method, resolve: resolve as (data: unknown) => void, reject, timer });
      try {
        socket.send(JSON.stringify({ id, method, data: checked.data }));
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new SignalingRequestError('CONNECTION_CLOSED', method, `Could not send ${method}: ${String(error)}`));
      }
    });
  }

  onNotification(listener: (notification: NotificationFrame) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  onClose(listener: (event: SignalingCloseEvent) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    if (this.isClosed) return;
    try {
      this.socket?.close(NORMAL_CLOSURE, 'client closed');
    } catch (error) {
      log.warn('close() | socket close failed', error);
    }
    this.handleClosed(NORMAL_CLOSURE, 'client closed', true);
  }

  private handleClosed(code: number, reason: string, isByClient: boolean): void {
    if (this.isClosed) return;
    this.isClosed = true;
    const failure = isByClient ? 'CONNECTION_CLOSED' : failureForClose(code);
    for (const [id, request] of this.pending) {
      clearTimeout(request.timer);
      const detail = reason ? `: ${reason}` : '';
      request.reject(
        new SignalingRequestError(failure, request.method, `The signaling connection closed (${code})${detail}`),
      );
      this.pending.delete(id);
    }
    for (const listener of [...this.closeListeners]) listener({ code, reason, isByClient });
    this.closeListeners.clear();
    this.notificationListeners.clear();
  }

  private handleFrame(text: string): void {
    // Frames can still trickle in after close() (answers to requests it already rejected).
    if (this.isClosed) return;
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      log.warn('dropped a frame that is not JSON');
      return;
    }
    if (typeof frame === 'object' && frame !== null && 'type' in frame) {
      this.handleNotification(frame);
    } else {
      this.handleResponse(frame);
    }
  }

  private handleResponse(frame: unknown): void {
    const parsed = ResponseFrameSchema.safeParse(frame);
    if (!parsed.success) {
      log.warn('dropped a malformed response frame', describeIssues(parsed.error));
      return;
    }
    const response = parsed.data;
    if (response.id === null) {
      // The server could not read one of our frames well enough to find its id.
      log.error('the server rejected a frame', response.ok ? undefined : response.error);
      return;
    }
    const request = this.pending.get(response.id);
    if (!request) {
      log.warn(`dropped a response to unknown request ${response.id}`);
      return;
    }
    this.pending.delete(response.id);
    clearTimeout(request.timer);
    if (!response.ok) {
      request.reject(new SignalingRequestError(response.error.code, request.method, response.error.message));
      return;
    }
    const data = SignalingRequests[request.method].response.safeParse(response.data);
    if (!data.success) {
      const detail = describeIssues(data.error);
      log.warn(`${request.method} | malformed response`, detail);
      request.reject(
        new SignalingRequestError('BAD_RESPONSE', request.method, `Unexpected answer to ${request.method}: ${detail}`),
      );
      return;
    }
    request.resolve(data.data);
  }

  private handleNotification(frame: object): void {
    const outer = NotificationFrameSchema.safeParse(frame);
    if (!outer.success) {
      log.warn('dropped a malformed notification frame', describeIssues(outer.error));
      return;
    }
    const { type, data } = outer.data;
    if (!isNotificationType(type)) {
      log.warn(`dropped an unknown notification "${type}"`);
      return;
    }
    const parsed = SignalingNotifications[type].safeParse(data);
    if (!parsed.success) {
      log.warn(`dropped a malformed ${type} notification`, describeIssues(parsed.error));
      return;
    }
    const notification = { type, data: parsed.data } as NotificationFrame;
    for (const listener of [...this.notificationListeners]) {
      try {
        listener(notification);
      } catch (error) {
        log.error(`${type} | listener threw`, error);
      }
    }
  }
}

/** `ws(s)://host/ws/signaling?ticket=...` from the server's http(s) address and the ticket's path. */
export function signalingUrl(serverUrl: string, wsPath: string): string {
  const url = new URL(wsPath, serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
