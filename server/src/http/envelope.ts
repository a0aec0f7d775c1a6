import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ErrorEnvelopeSchema } from '@meetai/shared';

/** A success envelope: `code` mirrors the HTTP status, as in the seed. */
export function envelope<T>(request: FastifyRequest, data: T, status = 200, message = 'OK') {
  return { code: status, message, data, request_id: request.id };
}

/** Every error status a route can answer with; each is serialized through the shared error envelope. */
const ERROR_RESPONSES = {
  400: ErrorEnvelopeSchema,
  401: ErrorEnvelopeSchema,
  403: ErrorEnvelopeSchema,
  404: ErrorEnvelopeSchema,
  409: ErrorEnvelopeSchema,
  413: ErrorEnvelopeSchema,
  415: ErrorEnvelopeSchema,
  429: ErrorEnvelopeSchema,
  500: ErrorEnvelopeSchema,
  503: ErrorEnvelopeSchema,
} as const;

/** A route's response schemas: its success codes plus the shared error envelope for every error code. */
export function responses<T extends Record<number, z.ZodType>>(success: T): T & typeof ERROR_RESPONSES {
  return { ...ERROR_RESPONSES, ...success };
}
