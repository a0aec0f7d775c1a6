import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isErrorCode, ErrorCodes } from './errors';
import { SchemaParseError, describeIssues, parseUnknown, safeParseUnknown } from './parse';

const Thing = z.object({ title: z.string().min(1), count: z.number() });

describe('parse helpers', () => {
  it('parseUnknown returns the parsed value or throws a SchemaParseError that names the fields', () => {
    expect(parseUnknown(Thing, { title: 'a', count: 1 })).toEqual({ title: 'a', count: 1 });
    expect(() => parseUnknown(Thing, { title: '', count: 'x' }, 'the thing')).toThrow(SchemaParseError);
    expect(() => parseUnknown(Thing, { title: '', count: 'x' }, 'the thing')).toThrow(
      /^the thing is invalid: title: .*; count: /,
    );
  });

  it('safeParseUnknown reports instead of throwing', () => {
    expect(safeParseUnknown(Thing, { title: 'a', count: 2 })).toEqual({ ok: true, data: { title: 'a', count: 2 } });
    const failed = safeParseUnknown(Thing, null);
    expect(failed.ok).toBe(false);
  });

  it('describeIssues puts root-level problems without a path', () => {
    const result = z.string().safeParse(5);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/^Invalid input/);
  });
});

describe('error codes', () => {
  it('are unique and recognised', () => {
    expect(new Set(ErrorCodes).size).toBe(ErrorCodes.length);
    expect(isErrorCode('MEETING_NOT_FOUND')).toBe(true);
    expect(isErrorCode('meeting_not_found')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});
