import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import { ErrorEnvelopeSchema, describeIssues, envelopeOf } from '@meetai/shared';
import type { z } from 'zod';
import { ApiError, codeForStatus } from './api-error';
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

interface RequestSpec<S extends z.ZodType> {
  method: Method;
  path: string;
  body?: unknown;
  schema: S;
  /** False for the few routes that answer without the `{code, message, data}` envelope (/health). */
  isEnveloped: boolean;
  options: RequestOptions;
}

/** 401s that a fresh access token can fix; others (TOKEN_INVALID, INVALID_CREDENTIALS) cannot. */
const RENEWABLE_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

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
    return this.send({ method: 'GET', path, schema, isEnveloped: true, options });
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.send({ method: 'POST', path, body, schema, isEnveloped: true, options });
  }

  put<S extends z.ZodType>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.send({ method: 'PUT', path, body, schema, isEnveloped: true, options });
  }

  delete<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.send({ method: 'DELETE', path, schema, isEnveloped: true, options });
  }

  /** For routes that answer with a bare JSON document, such as /health. */
  getDocument<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.send({ method: 'GET', path, schema, isEnveloped: false, options: { auth: false, ...options } });
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

  private async send<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.infer<S>> {
    const usesAuth = spec.options.auth !== false && Boolean(this.options.session);
    const tokenUsed = usesAuth ? (this.options.session?.getAccessToken() ?? null) : null;
    try {
      return await this.attempt(spec, tokenUsed);
    } catch (error) {
      if (!usesAuth || !(error instanceof ApiError) || error.status !== 401 || !RENEWABLE_CODES.has(error.code)) {
        throw error;
      }
      const token = await this.freshTokenAfter(tokenUsed);
      return this.attempt(spec, token);
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
      // Without a response we cannot tell whether the session is dead: keep it and report the outage.
      if (error instanceof ApiError && error.status === null && error.code !== 'SESSION_EXPIRED') throw error;
      const lost = new ApiError('SESSION_EXPIRED', 401, 'Your session has expired. Please sign in again.');
      log.info('renewal failed, signing out', error);
      session?.onSessionLost(lost);
      throw lost;
    }
  }

  private async attempt<S extends z.ZodType>(spec: RequestSpec<S>, token: string | null): Promise<z.infer<S>> {
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
        headers: token ? { Authorization: `Bearer ${token}` } : undefined,
      });
    } catch (error) {
      throw this.transportError(error, baseURL);
    }
    return this.unwrap(response, spec);
  }

  private transportError(error: unknown, baseURL: string): ApiError {
    if (axios.isAxiosError(error) && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')) {
      return new ApiError('TIMEOUT', null, `The server at ${baseURL} did not answer in time`);
    }
    if (axios.isCancel(error)) return new ApiError('NETWORK_ERROR', null, 'The request was cancelled');
    return new ApiError('NETWORK_ERROR', null, `Could not reach the server at ${baseURL}`);
  }

  private unwrap<S extends z.ZodType>(response: AxiosResponse<unknown>, spec: RequestSpec<S>): z.infer<S> {
    const { status } = response;
    const text = typeof response.data === 'string' ? response.data : '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(
        'NOT_A_MEETAI_SERVER',
        status,
        `The server answered ${spec.path} with ${describeBody(text)} (HTTP ${status}); check the server address`,
      );
    }

    const isSuccess = status >= 200 && status < 300;
    if (!isSuccess || !spec.isEnveloped) {
      const failure = ErrorEnvelopeSchema.safeParse(body);
      if (failure.success) {
        throw new ApiError(failure.data.error, status, failure.data.message, failure.data.details);
      }
    }
    if (!isSuccess && spec.isEnveloped) {
      throw new ApiError(codeForStatus(status), status, `The server refused ${spec.path} (HTTP ${status})`);
    }

    const parsed = (spec.isEnveloped ? envelopeOf(spec.schema) : spec.schema).safeParse(body);
    if (!parsed.success) {
      throw new ApiError(
        'BAD_RESPONSE',
        status,
        `Unexpected answer from ${spec.path}: ${describeIssues(parsed.error)}`,
      );
    }
    const value: unknown = parsed.data;
    return (spec.isEnveloped ? (value as { data: unknown }).data : value) as z.infer<S>;
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
