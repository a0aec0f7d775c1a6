import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import { ErrorEnvelopeSchema, describeIssues, envelopeOf } from '@meetai/shared';
import type { z } from 'zod';
import { ApiError, codeForStatus, isSessionRefused } from './api-error';
import { filenameFromDisposition } from './content-disposition';
import { createLogger } from './logger';

const log = createLogger('http');

/** What the API client needs from the session, injected so this module stays free of stores. */
export interface SessionHandlers {
  getAccessToken(): string | null;
  /** Exchanges the stored refresh token for a new access token; rejects when it cannot. */
  renewAccessToken(): Promise<string>;
  /** The session is gone for good: clear it and send the user to sign-in. */
  onSessionLost(reason: ApiError): void;
}

export interface ApiClientOptions {
  /** Read on every request: the server address is a setting that can change at run time. */
  baseUrl: () => string;
  session?: SessionHandlers;
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Attach the access token and renew it on 401 (default true). */
  auth?: boolean;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Overrides the configured server address, e.g. to probe a new one before saving it. */
  baseUrl?: string;
}

/** A file the server sent as an attachment: its bytes, and the name and type it suggested. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition; null when absent or not exposed to this origin by CORS. */
  filename: string | null;
  contentType: string;
}

interface RequestSpec {
  method: Method;
  path: string;
  body?: unknown;
  /** Text for JSON answers; bytes for files. */
  responseType: 'text' | 'arraybuffer';
  options: RequestOptions;
}

/** Turns a response into the caller's value, or throws an ApiError. */
type ReadResponse<T> = (response: AxiosResponse<unknown>, spec: RequestSpec) => T;

/** 401s that a fresh access token can fix; others (TOKEN_INVALID, INVALID_CREDENTIALS) cannot. */
const RENEWABLE_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

/**
 * A token renewed for a request can expire before the retry reaches the server
 * when tokens live seconds (the JWT's whole-second expiry can take off up to one
 * more) and the machine is slow: then one more renewal, never an endless loop.
 */
const MAX_RENEWALS_PER_REQUEST = 2;

function isRenewable(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && RENEWABLE_CODES.has(error.code);
}

function describeBody(text: string): string {
  return /^\s*</.test(text) ? 'an HTML page' : 'something that is not JSON';
}

/**
 * The app's only HTTP client. It unwraps the envelope into data parsed with the
 * route's shared schema, turns every failure into an ApiError, and renews the
 * access token once on 401, with concurrent 401s sharing one renewal.
 */
export class ApiClient {
  private readonly http: AxiosInstance;
  private renewal: Promise<string> | null = null;

  constructor(private options: ApiClientOptions) {
    this.http = axios.create({
      timeout: options.timeoutMs ?? 15_000,
      // Statuses and bodies are judged here, not by axios, so every outcome gets the same treatment.
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      headers: { Accept: 'application/json' },
    });
  }

  configure(options: Partial<ApiClientOptions>): void {
    this.options = { ...this.options, ...options };
  }

  serverUrl(): string {
    return this.options.baseUrl();
  }

  get<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.sendJson('GET', path, undefined, schema, options);
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.sendJson('POST', path, body, schema, options);
  }

  put<S extends z.ZodType>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.sendJson('PUT', path, body, schema, options);
  }

  delete<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.sendJson('DELETE', path, undefined, schema, options);
  }

  /** For routes that answer with a bare JSON document, such as /health. */
  getDocument<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    const spec: RequestSpec = { method: 'GET', path, responseType: 'text', options: { auth: false, ...options } };
    return this.send(spec, (response) => this.unwrap(response, spec, schema, false));
  }

  /**
   * A file download (an export) with the same authentication and renewal as
   * every other call; a refusal still arrives as the error envelope.
   */
  download(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
    const spec: RequestSpec = { method: 'GET', path, responseType: 'arraybuffer', options };
    return this.send(spec, (response) => this.readFile(response, spec));
  }

  private sendJson<S extends z.ZodType>(
    method: Method,
    path: string,
    body: unknown,
    schema: S,
    options: RequestOptions,
  ): Promise<z.infer<S>> {
    const spec: RequestSpec = { method, path, body, responseType: 'text', options };
    return this.send(spec, (response) => this.unwrap(response, spec, schema, true));
  }

  /** Single-flight: whoever asks while a renewal is running waits for the same one. */
  renewSession(): Promise<string> {
    const session = this.options.session;
    if (!session) return Promise.reject(new ApiError('SESSION_EXPIRED', null, 'There is no session to renew'));
    this.renewal ??= session.renewAccessToken().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private async send<T>(spec: RequestSpec, read: ReadResponse<T>): Promise<T> {
    const usesAuth = spec.options.auth !== false && Boolean(this.options.session);
    let tokenUsed = usesAuth ? (this.options.session?.getAccessToken() ?? null) : null;
    for (let renewals = 0; ; renewals += 1) {
      try {
        return await this.attempt(spec, read, tokenUsed);
      } catch (error) {
        if (!usesAuth || renewals >= MAX_RENEWALS_PER_REQUEST || !isRenewable(error)) throw error;
        tokenUsed = await this.freshTokenAfter(tokenUsed);
      }
    }
  }

  /** A token newer than the one that was refused, renewing only if nobody already did. */
  private async freshTokenAfter(tokenUsed: string | null): Promise<string> {
    const session = this.options.session;
    const current = session?.getAccessToken() ?? null;
    if (current && current !== tokenUsed && !this.renewal) return current;
    try {
      return await this.renewSession();
    } catch (error) {
      // Only a refused refresh token ends the session; an outage or a restarting server is reported as such.
      if (!isSessionRefused(error)) throw error;
      const lost = new ApiError('SESSION_EXPIRED', 401, 'Your session has expired. Please sign in again.');
      log.info('renewal failed, signing out', error);
      session?.onSessionLost(lost);
      throw lost;
    }
  }

  private async attempt<T>(spec: RequestSpec, read: ReadResponse<T>, token: string | null): Promise<T> {
    const baseURL = spec.options.baseUrl ?? this.options.baseUrl();
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.request({
        method: spec.method,
        baseURL,
        url: spec.path,
        data: spec.body,
        params: spec.options.query,
        signal: spec.options.signal,
        responseType: spec.responseType,
        headers: token ? { Authorization: `Bearer ${token}` } : undefined,
      });
    } catch (error) {
      throw this.transportError(error, baseURL);
    }
    return read(response, spec);
  }

  private transportError(error: unknown, baseURL: string): ApiError {
    if (axios.isAxiosError(error) && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')) {
      return new ApiError('TIMEOUT', null, `The server at ${baseURL} did not answer in time`);
    }
    if (axios.isCancel(error)) return new ApiError('NETWORK_ERROR', null, 'The request was cancelled');
    return new ApiError('NETWORK_ERROR', null, `Could not reach the server at ${baseURL}`);
  }

  private unwrap<S extends z.ZodType>(
    response: AxiosResponse<unknown>,
    spec: RequestSpec,
    schema: S,
    isEnveloped: boolean,
  ): z.infer<S> {
    const { status } = response;
    const body = this.parseJson(response, spec);
    const isSuccess = status >= 200 && status < 300;
    if (!isSuccess || !isEnveloped) {
      const failure = ErrorEnvelopeSchema.safeParse(body);
      if (failure.success) {
        throw new ApiError(failure.data.error, status, failure.data.message, failure.data.details);
      }
    }
    if (!isSuccess && isEnveloped) {
      throw new ApiError(codeForStatus(status), status, `The server refused ${spec.path} (HTTP ${status})`);
    }

    const parsed = (isEnveloped ? envelopeOf(schema) : schema).safeParse(body);
    if (!parsed.success) {
      throw new ApiError(
        'BAD_RESPONSE',
        status,
        `Unexpected answer from ${spec.path}: ${describeIssues(parsed.error)}`,
      );
    }
    const value: unknown = parsed.data;
    return (isEnveloped ? (value as { data: unknown }).data : value) as z.infer<S>;
  }

  private parseJson(response: AxiosResponse<unknown>, spec: RequestSpec): unknown {
    const text = typeof response.data === 'string' ? response.data : '';
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(
        'NOT_A_MEETAI_SERVER',
        response.status,
        `The server answered ${spec.path} with ${describeBody(text)} (HTTP ${response.status}); check the server address`,
      );
    }
  }

  private readFile(response: AxiosResponse<unknown>, spec: RequestSpec): DownloadedFile {
    const bytes = response.data instanceof ArrayBuffer ? response.data : new ArrayBuffer(0);
    const { status } = response;
    if (status < 200 || status >= 300) {
      // A refusal is the usual JSON error envelope.
      const body = this.parseJson({ ...response, data: new TextDecoder().decode(bytes) }, spec);
      const failure = ErrorEnvelopeSchema.safeParse(body);
      if (failure.success) throw new ApiError(failure.data.error, status, failure.data.message, failure.data.details);
      throw new ApiError(codeForStatus(status), status, `The server refused ${spec.path} (HTTP ${status})`);
    }
    const header = (name: string) => {
      const value: unknown = response.headers[name];
      return typeof value === 'string' ? value : null;
    };
    const contentType = header('content-type') ?? 'application/octet-stream';
    return {
      blob: new Blob([bytes], { type: contentType }),
      filename: filenameFromDisposition(header('content-disposition')),
      contentType,
    };
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return new ApiClient(options);
}

/**
 * The instance the app uses. `app/` wires it to the session and settings stores
 * at start-up (see app/wire-api.ts); until then it points at the default server.
 */
export const api = createApiClient({ baseUrl: () => window.location.origin });
