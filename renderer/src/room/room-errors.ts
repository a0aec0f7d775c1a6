/** A failure as the UI shows it: a stable code to translate and the original sentence for logs. */
export interface DescribedError {
  code: string;
  message: string;
}

/**
 * ApiError (REST) and SignalingRequestError both carry a `code`; capture
 * failures are DOMExceptions named NotAllowedError and the like.
 */
export function describeError(error: unknown): DescribedError {
  if (typeof error === 'object' && error !== null) {
    const record = error as { code?: unknown; name?: unknown; message?: unknown };
    const message = typeof record.message === 'string' ? record.message : String(error);
    if (typeof record.code === 'string') return { code: record.code, message };
    if (typeof record.name === 'string' && record.name !== 'Error') return { code: record.name, message };
    return { code: 'UNKNOWN', message };
  }
  return { code: 'UNKNOWN', message: String(error) };
}

/** Answers that another attempt cannot change: reconnecting stops at once. */
const FATAL_CODES = new Set([
  'MEETING_ENDED',
  'MEETING_NOT_FOUND',
  'MEETING_LOCKED',
  'MEETING_FULL',
  'NOT_A_PARTICIPANT',
  'FORBIDDEN',
  'SESSION_EXPIRED',
  'REFRESH_TOKEN_INVALID',
]);

export function isFatalError(error: unknown): boolean {
  return FATAL_CODES.has(describeError(error).code);
}

/** The user closed the screen picker or refused a permission: not worth an error notice. */
export function isUserCancel(error: unknown): boolean {
  const { code } = describeError(error);
  return code === 'NotAllowedError' || code === 'AbortError';
}
