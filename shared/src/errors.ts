/**
 * Stable machine-readable error codes. The server sends one with every error
 * (REST envelope `error`, signaling error reply `code`); clients map them to
 * translated sentences and must not parse the human `message`.
 */
export const ErrorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_INVALID',
  'FORBIDDEN',
  'USERNAME_TAKEN',
  'EMAIL_TAKEN',
  'WRONG_PASSWORD',
  'USER_NOT_FOUND',
  'MEETING_NOT_FOUND',
  'MEETING_ENDED',
  'MEETING_LOCKED',
  'MEETING_FULL',
  'PASSCODE_REQUIRED',
  'WRONG_PASSCODE',
  'NOT_HOST',
  'NOT_A_PARTICIPANT',
  'REMOVED_FROM_MEETING',
  'MUTED_BY_HOST',
  'LIMIT_REACHED',
  'TICKET_INVALID',
  'BAD_MESSAGE',
  'UNKNOWN_METHOD',
  'MESSAGE_TOO_LARGE',
  'NOT_JOINED',
  'ALREADY_JOINED',
  'MEDIA_ERROR',
  'BAD_AUDIO',
  'AI_UNAVAILABLE',
  'ACCOUNT_BANNED',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ErrorCodes as readonly string[]).includes(value);
}
