/**
 * A GET with its own deadline, for the probes. Written against the part of
 * WHATWG fetch that Node 20, Electron's main process and browsers share; the
 * shared tsconfig has neither DOM nor Node types, so that part is declared
 * here and found on `globalThis` at run time.
 */
import { describeFetchError, ProbeTimeoutError } from './failure-sentence';

interface AbortSignalLike {
  readonly aborted: boolean;
}
interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
type FetchLike = (
  url: string,
  init: { signal: AbortSignalLike; headers: Record<string, string>; cache: 'no-store' },
) => Promise<ResponseLike>;
type Host = {
  fetch: FetchLike;
  AbortController: new () => { signal: AbortSignalLike; abort(reason?: unknown): void };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  performance?: { now(): number };
};

const host = globalThis as unknown as Host;

/** Milliseconds from a monotonic clock where there is one. */
export function monotonicMs(): number {
  return host.performance ? host.performance.now() : Date.now();
}

/** A probe reads at most this much of a body: enough for any health answer, bounded for anything else. */
const MAX_BODY_CHARS = 64 * 1024;

export type HttpAnswer = {
  ok: true;
  status: number;
  statusText: string;
  contentType: string;
  body: string;
  latencyMs: number;
};
export type HttpFailure = { ok: false; sentence: string; latencyMs: number };
export type HttpOutcome = HttpAnswer | HttpFailure;

/**
 * Never throws: a refused connection, a reset, a deadline passed while
 * connecting or while the body trickles in, all come back as a sentence.
 */
export async function httpGet(url: string, timeoutMs: number): Promise<HttpOutcome> {
  const started = monotonicMs();
  const controller = new host.AbortController();
  const timer = host.setTimeout(() => controller.abort(new ProbeTimeoutError(timeoutMs)), timeoutMs);
  const elapsed = () => Math.round((monotonicMs() - started) * 10) / 10;
  try {
    const response = await host.fetch(url, {
      signal: controller.signal,
      headers: { accept: 'application/json, text/plain;q=0.9, */*;q=0.1' },
      cache: 'no-store',
    });
    const body = await response.text();
    return {
      ok: true,
      status: response.status,
      statusText: response.statusText,
      contentType: (response.headers.get('content-type') ?? '').toLowerCase(),
      body: body.slice(0, MAX_BODY_CHARS),
      latencyMs: elapsed(),
    };
  } catch (error) {
    return { ok: false, sentence: describeFetchError(error, url, timeoutMs), latencyMs: elapsed() };
  } finally {
    host.clearTimeout(timer);
  }
}
