import { describe, expect, it } from 'vitest';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort() : [];
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

/** The checks every feature's translation namespace gets: same keys and placeholders, real Chinese, nothing empty. */
export function describeTranslations(name: string, en: unknown, zhCN: unknown): void {
  describe(`${name} translations`, () => {
    it('have the same keys in English and Chinese', () => {
      expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
    });

    it('use the same placeholders in both languages', () => {
      for (const key of keysOf(en)) {
        expect(placeholders(valueAt(zhCN, key)), key).toEqual(placeholders(valueAt(en, key)));
      }
    });

    it('are actually Chinese in zh-CN, not copies of the English', () => {
      const copies = keysOf(en).filter((key) => valueAt(zhCN, key) === valueAt(en, key));
      expect(copies).toEqual([]);
    });

    it('leave no string empty', () => {
      for (const key of keysOf(zhCN)) expect(String(valueAt(zhCN, key)).trim(), key).not.toBe('');
    });
  });
}
