/** Why a probe failed, in the words an operator would use. */

export class ProbeTimeoutError extends Error {
  override name = 'ProbeTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${formatDuration(timeoutMs)}`);
  }
}

/** `800 ms`, `2 s`, `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}

/** The host of an http(s) URL (no URL class here: the shared code has no DOM or Node types). */
export function hostOf(url: string): string {
  return /^https?:\/\/(\[[^\]]+\]|[^/:?#]+)/i.exec(url)?.[1] ?? url;
}

/** `host:port` of an http(s) URL, with the scheme's default port spelled out. */
export function hostPort(url: string): string {
  const match = /^(https?):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(url);
  if (!match) return url;
  const port = match[3] ?? (match[1]?.toLowerCase() === 'https' ? '443' : '80');
  return `${match[2]}:${port}`;
}

type ErrorWithCause = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };

/** Node's fetch hides the socket error in `cause` (sometimes two levels down); browsers give no detail. */
function socketCode(error: unknown): string | undefined {
  let current = error as ErrorWithCause | undefined;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause as ErrorWithCause | undefined;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let current = error as ErrorWithCause | undefined;
  let message = '';
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current.message === 'string' && current.message) message = current.message;
    current = current.cause as ErrorWithCause | undefined;
  }
  return message || String(error);
}

const BY_CODE: Record<string, (where: string, url: string) => string> = {
  ECONNREFUSED: (where) => `connection refused on ${where}`,
  ECONNRESET: (where) => `connection reset by ${where} before it answered`,
  UND_ERR_SOCKET: (where) => `connection closed by ${where} before it answered`,
  EPIPE: (where) => `connection closed by ${where} before it answered`,
  ENOTFOUND: (_where, url) => `no such host: ${hostOf(url)}`,
  EAI_AGAIN: (_where, url) => `could not resolve ${hostOf(url)} (DNS not answering)`,
  EHOSTUNREACH: (where) => `host unreachable: ${where}`,
  ENETUNREACH: (where) => `network unreachable for ${where}`,
  ETIMEDOUT: (where) => `connecting to ${where} timed out`,
  UND_ERR_CONNECT_TIMEOUT: (where) => `connecting to ${where} timed out`,
  EPROTO: (where) => `${where} does not speak the expected protocol (TLS on a plain port, or the reverse?)`,
};

/** One sentence for whatever a fetch threw. */
export function describeFetchError(error: unknown, url: string, timeoutMs: number): string {
  const where = hostPort(url);
  if (error instanceof ProbeTimeoutError) return error.message;
  const name = (error as ErrorWithCause | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new ProbeTimeoutError(timeoutMs).message;
  const code = socketCode(error);
  const known = code ? BY_CODE[code] : undefined;
  if (known) return known(where, url);
  if (code && /CERT|TLS|SSL/.test(code)) return `TLS refused by ${where}: ${innermostMessage(error)}`;
  if (code === 'HPE_INVALID_CONSTANT' || code?.startsWith('HPE_'))
    return `${where} answered something that is not HTTP`;
  if (/^bad port$/i.test(innermostMessage(error)))
    return `fetch refuses to connect to ${where} (a port browsers block)`;
  // A browser says only "Failed to fetch": unreachable, refused or blocked (CORS) look the same from a page.
  if (!code && name === 'TypeError') return `no answer from ${where} (unreachable, refused, or blocked by the browser)`;
  return `could not reach ${where}: ${innermostMessage(error)}`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `answered HTTP 500 Internal Server Error` (HTTP/2 has no reason phrase, so a table fills it in). */
export function describeHttpStatus(status: number, statusText: string): string {
  const text = statusText || STATUS_TEXT[status] || '';
  return `answered HTTP ${status}${text ? ` ${text}` : ''}`;
}
