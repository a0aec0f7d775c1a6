import { isErrorCode, type ErrorCode, type SignalingError as SignalingErrorDto } from '@meetai/shared';

/** A request refused for a reason the client can act on; becomes `{ok: false, error: {code, message}}`. */
export class SignalingError extends Error {
  override name = 'SignalingError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The reply for anything a handler threw. Our own errors (and the core's
 * AppError, the media layer's MediaRequestError) carry a code; anything else
 * thrown by a media request came from mediasoup and is a MEDIA_ERROR; the rest
 * is a bug, reported without internals.
 */
export function toErrorReply(error: unknown, isMedia: boolean): { reply: SignalingErrorDto; isUnexpected: boolean } {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (isErrorCode(code)) return { reply: { code, message }, isUnexpected: false };
  if (isMedia)
    return {
      reply: { code: 'MEDIA_ERROR', message: `The media server refused this request: ${message}` },
      isUnexpected: false,
    };
  return {
    reply: { code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged.' },
    isUnexpected: true,
  };
}
