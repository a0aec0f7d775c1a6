import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

type AtLeastOne = [unknown, ...unknown[]];
export type SchemaCase = { valid: AtLeastOne; invalid: AtLeastOne };

/** The names of a module's exports that are zod schemas (`XSchema`). */
type SchemaNames<M> = {
  [K in keyof M]: K extends `${string}Schema` ? (M[K] extends z.ZodType ? K : never) : never;
}[keyof M];

/** One case per exported schema: a schema added without fixtures fails the type check and the test. */
export type CasesFor<M> = { [K in SchemaNames<M>]: SchemaCase };

/**
 * For every schema a module exports: each valid fixture parses, each invalid
 * one is rejected, and no exported schema is left without fixtures.
 */
export function describeSchemas<M extends object>(title: string, module: M, cases: CasesFor<M>): void {
  describe(title, () => {
    it('has fixtures for every exported schema', () => {
      const exported = Object.keys(module).filter((key) => key.endsWith('Schema'));
      expect(Object.keys(cases).sort()).toEqual(exported.sort());
    });
    for (const [name, { valid, invalid }] of Object.entries(cases) as [string, SchemaCase][]) {
      const schema = (module as Record<string, z.ZodType>)[name] as z.ZodType;
      it(`${name} accepts ${valid.length} valid fixture(s)`, () => {
        for (const value of valid) expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
      });
      it(`${name} rejects ${invalid.length} invalid fixture(s)`, () => {
        for (const value of invalid) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
      });
    }
  });
}
