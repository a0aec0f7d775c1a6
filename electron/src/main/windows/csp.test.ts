import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

/** Parses `a b; c d` into { a: ['b'], c: ['d'] }. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts and styles only from the app itself in production', () => {
    const csp = directives(contentSecurityPolicy({ isDev: false }));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(Object.values(csp).flat()).not.toContain("'unsafe-inline'");
  });

  it("lets the app reach the user's chosen server over http(s) and ws(s)", () => {
    expect(directives(contentSecurityPolicy({ isDev: false }))['connect-src']).toEqual([
      "'self'",
      'http:',
      'https:',
      'ws:',
      'wss:',
    ]);
  });

  it("admits Vite's inline preamble and style tags in dev only", () => {
    const csp = directives(contentSecurityPolicy({ isDev: true }));
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
