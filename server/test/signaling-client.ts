import WebSocket from 'ws';
import {
  ResponseFrameSchema,
  SignalingNotifications,
  SignalingRequests,
  isNotificationType,
  type ResponseFrame,
  type SignalingMethod,
  type SignalingNotificationData,
  type SignalingNotificationType,
  type SignalingRequestData,
  type SignalingResponseData,
} from '@meetai/shared';
import { waitFor } from './media-helpers';

type Notice = { type: SignalingNotificationType; data: unknown };
type ErrorFrame = Extract<ResponseFrame, { ok: false }>;

/**
 * A signaling client over a real WebSocket. Every frame the server sends is
 * checked against the shared schemas, so a test fails if the server ever
 * sends something a real client could not parse.
 */
export class SignalingTestClient {
  readonly notices: Notice[] = [];
  /** Error replies with `id: null` (frames too broken to have an id). */
  readonly orphanErrors: ErrorFrame[] = [];
  /** Frames that did not match the contracts; tests assert this stays empty. */
  readonly contractViolations: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (frame: ResponseFrame) => void }>();
  private readonly listeners: ((notice: Notice) => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.on('message', (raw) => this.receive(raw.toString()));
  }

  static connect(url: string, options: WebSocket.ClientOptions = {}): Promise<SignalingTestClient> {
    const socket = new WebSocket(url, options);
    const client = new SignalingTestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(data: string | Buffer): void {
    this.socket.send(data);
  }

  request<M extends SignalingMethod>(method: M, data: SignalingRequestData<M>): Promise<ResponseFrame>;
  request(method: string, data?: unknown): Promise<ResponseFrame>;
  request(method: string, data?: unknown): Promise<ResponseFrame> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { method, resolve });
      this.socket.send(JSON.stringify({ id, method, data }));
    });
  }

  /** Sends a hand-made frame (given an id of ours) and waits for its reply. */
  sendFrame(frame: Record<string, unknown>): Promise<ResponseFrame> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { method: String(frame.method), resolve });
      this.socket.send(JSON.stringify({ ...frame, id }));
    });
  }

  /** The reply's data; throws with the server's error when it refused. */
  async ok<M extends SignalingMethod>(method: M, data: SignalingRequestData<M>): Promise<SignalingResponseData<M>> {
    const frame = await this.request(method, data);
    if (!frame.ok) throw new Error(`${method} refused: ${frame.error.code} ${frame.error.message}`);
    return frame.data as SignalingResponseData<M>;
  }

  /** The error reply of a request the test expects to be refused. */
  async refused(method: string, data?: unknown): Promise<ErrorFrame['error']> {
    const frame = await this.request(method, data);
    if (frame.ok) throw new Error(`${method} was accepted, expected a refusal`);
    return frame.error;
  }

  onNotice<T extends SignalingNotificationType>(type: T, listener: (data: SignalingNotificationData<T>) => void): void {
    this.listeners.push((notice) => {
      if (notice.type === type) listener(notice.data as SignalingNotificationData<T>);
    });
  }

  seen<T extends SignalingNotificationType>(type: T): SignalingNotificationData<T>[] {
    return this.notices.filter((n) => n.type === type).map((n) => n.data as SignalingNotificationData<T>);
  }

  async waitForNotice<T extends SignalingNotificationType>(
    type: T,
    match: (data: SignalingNotificationData<T>) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<SignalingNotificationData<T>> {
    let found: SignalingNotificationData<T> | undefined;
    await waitFor(() => (found = this.seen(type).find(match)) !== undefined, `a ${type} notification`, timeoutMs);
    return found as SignalingNotificationData<T>;
  }

  /** Drops the TCP connection without a close frame, like a crashed client or a lost network. */
  kill(): void {
    this.socket.terminate();
  }

  close(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close();
  }

  private receive(text: string): void {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'type' in value) {
      const { type, data } = value as { type: string; data: unknown };
      if (!isNotificationType(type)) return void this.contractViolations.push(`unknown notification ${type}`);
      const parsed = SignalingNotifications[type].safeParse(data);
      if (!parsed.success) this.contractViolations.push(`${type}: ${parsed.error.message}`);
      const notice = { type, data };
      this.notices.push(notice);
      for (const listener of this.listeners) listener(notice);
      return;
    }
    const frame = ResponseFrameSchema.safeParse(value);
    if (!frame.success) return void this.contractViolations.push(`bad response frame: ${text}`);
    if (frame.data.id === null) {
      if (!frame.data.ok) this.orphanErrors.push(frame.data);
      return;
    }
    const pending = this.pending.get(frame.data.id);
    if (!pending) return void this.contractViolations.push(`reply to unknown id ${frame.data.id}`);
    this.pending.delete(frame.data.id);
    if (frame.data.ok && pending.method in SignalingRequests) {
      const schema = SignalingRequests[pending.method as SignalingMethod].response;
      const parsed = schema.safeParse(frame.data.data);
      if (!parsed.success) this.contractViolations.push(`${pending.method} reply: ${parsed.error.message}`);
    }
    pending.resolve(frame.data);
  }
}
