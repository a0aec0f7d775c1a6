import type { ErrorCode } from '@meetai/shared/errors';

/**
 * A request the media layer refuses for a reason the client can act on
 * (unknown transport, wrong kind for a source). Errors thrown by mediasoup
 * itself are left as they are: signaling reports those as MEDIA_ERROR.
 */
export class MediaRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRequestError';
  }
}
