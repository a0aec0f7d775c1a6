import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSchemas } from '../testing/schema-cases';
import * as envelope from './envelope';

describeSchemas('envelope contracts', envelope, {
  ErrorEnvelopeSchema: {
    valid: [
      { code: 404, message: 'Not here', error: 'MEETING_NOT_FOUND' },
      {
        code: 400,
        message: 'Bad',
        error: 'VALIDATION_FAILED',
        details: [{ path: 'title', message: 'Too short' }],
        request_id: 'abc',
      },
    ],
    invalid: [
      { code: 404, message: 'x', error: 'SOMETHING_ELSE' },
      { code: '404', message: 'x', error: 'NOT_FOUND' },
      { code: 400, message: 'x', error: 'VALIDATION_FAILED', details: [{ path: 'a' }] },
    ],
  },
  EmptySchema: { valid: [null], invalid: [undefined, {}, ''] },
  PageQuerySchema: {
    valid: [{}, { page: '3', page_size: '100' }],
    invalid: [{ page: '0' }, { page_size: '101' }, { page: 'x' }],
  },
});

describe('envelopeOf and pageOf', () => {
  const PageOfNumbers = envelope.envelopeOf(envelope.pageOf(z.number()));

  it('wrap a data schema in the seed envelope', () => {
    const value = {
      code: 200,
      message: 'OK',
      data: { list: [1, 2], total: 2, page: 1, page_size: 20, total_pages: 1 },
    };
    expect(PageOfNumbers.parse(value)).toEqual(value);
    expect(PageOfNumbers.parse({ ...value, request_id: 'r1' }).request_id).toBe('r1');
  });

  it('reject data of the wrong shape and a missing message', () => {
    const base = { code: 200, message: 'OK', data: { list: ['a'], total: 1, page: 1, page_size: 20, total_pages: 1 } };
    expect(PageOfNumbers.safeParse(base).success).toBe(false);
    expect(envelope.envelopeOf(z.null()).safeParse({ code: 200, data: null }).success).toBe(false);
  });

  it('fills page defaults', () => {
    expect(envelope.PageQuerySchema.parse({})).toEqual({ page: 1, page_size: 20 });
  });
});
