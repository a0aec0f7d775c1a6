import type { z } from 'zod';

/** One readable line per failing field, e.g. `title: Too small: expected string to have >=1 characters`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export class SchemaParseError extends Error {
  constructor(
    readonly issues: z.ZodError,
    what: string,
  ) {
    super(`${what} is invalid: ${describeIssues(issues)}`);
    this.name = 'SchemaParseError';
  }
}

/**
 * Parse data that came from outside the process (network, IPC, storage).
 * The `unknown` parameter type is deliberate: callers cannot pass typed data
 * and pretend it was validated.
 */
export function parseUnknown<S extends z.ZodType>(schema: S, value: unknown, what = 'value'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SchemaParseError(result.error, what);
  return result.data;
}

export type SafeParsed<T> = { ok: true; data: T } | { ok: false; message: string };

export function safeParseUnknown<S extends z.ZodType>(schema: S, value: unknown): SafeParsed<z.infer<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, message: describeIssues(result.error) };
}
