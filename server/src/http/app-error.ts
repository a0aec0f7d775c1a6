import type { ErrorCode } from '@meetai/shared';

export type ErrorDetail = { path: string; message: string };

/**
 * The one error type route code throws. `code` is the stable machine code from
 * shared/errors.ts, `status` the HTTP status, `message` a sentence a person can act on.
 */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly extra: { details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}
