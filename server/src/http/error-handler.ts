import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { MAX_JSON_BODY_BYTES, type ErrorCode, type ErrorEnvelope } from '@meetai/shared';
import { AppError, type ErrorDetail } from './app-error';
import { REQUEST_ID_HEADER } from './request-id';

/** Fastify's own client errors, in our words. Anything not listed falls through to 500 INTERNAL. */
const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; status: number; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    status: 400,
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    message: `The request body is larger than the ${MAX_JSON_BODY_BYTES} bytes allowed.`,
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    message: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'MALFORMED_JSON',
    status: 400,
    message: 'The request body does not match its Content-Length.',
  },
  FST_ERR_BAD_URL: { code: 'VALIDATION_FAILED', status: 400, message: 'The request URL is not valid.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'VALIDATION_FAILED',
    status: 400,
    message: 'A part of the request URL is too long.',
  },
};

const PART_NAMES: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'URL parameters',
  headers: 'request headers',
};

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: { code: ErrorCode; status: number; message: string; details?: ErrorDetail[] },
): FastifyReply {
  const body: ErrorEnvelope = {
    code: error.status,
    message: error.message,
    error: error.code,
    ...(error.details ? { details: error.details } : {}),
    request_id: request.id,
  };
  return reply.code(error.status).header(REQUEST_ID_HEADER, request.id).send(body);
}

function validationError(error: FastifyError & { validation: { instancePath: string; message?: string }[] }) {
  const part = error.validationContext ?? 'body';
  const details = error.validation.map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
    message: issue.message ?? 'Invalid value',
  }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return {
    code: 'VALIDATION_FAILED' as const,
    status: 400,
    message: `The ${PART_NAMES[part] ?? part} is invalid: ${summary}`,
    details,
  };
}

/** Maps every failure to the error envelope; unexpected ones are logged in full and answered without detail. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.extra.headers) reply.headers(error.extra.headers);
      return sendError(request, reply, {
        code: error.code,
        status: error.status,
        message: error.message,
        details: error.extra.details,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) return sendError(request, reply, validationError(error));
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return sendError(request, reply, known);
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unexpected error');
    }
    return sendError(request, reply, {
      code: 'INTERNAL',
      status: 500,
      message: `Something went wrong on the server. If it keeps happening, report request id ${request.id}.`,
    });
  });
}
