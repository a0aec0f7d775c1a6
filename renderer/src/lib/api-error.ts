import type { ErrorCode } from '@meetai/shared';

/** Failures that happen before or outside the server's envelope. */
export const ClientErrorCodes = [
  'NETWORK_ERROR',
  'TIMEOUT',
  'NOT_A_MEETAI_SERVER',
  'BAD_RESPONSE',
  'SESSION_EXPIRED',
] as const;
export type ClientErrorCode = (typeof ClientErrorCodes)[number];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** Every failed API call rejects with one of these; screens translate `code`, never `message`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    /** HTTP status, or null when no response arrived. */
    readonly status: number | null,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** A sensible code for an error response that did not carry our envelope. */
export function codeForStatus(status: number): ApiErrorCode {
  if (status === 400) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'BAD_RESPONSE';
}

/**
 * Whether a failed renewal means the session itself is over: no saved token,
 * or the server refused the refresh token (401, or 400 for one it cannot
 * read). Anything else (no answer, a proxy's 502 while the server restarts,
 * 503 while it shuts down, 429) says nothing about the token: keep it.
 */
export function isSessionRefused(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.code === 'SESSION_EXPIRED' || error.status === 401 || error.status === 400;
}
