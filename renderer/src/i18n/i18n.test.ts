import { ErrorCodes } from '@meetai/shared';
import { describe, expect, it } from 'vitest';
import { ClientErrorCodes } from '../lib/api-error';
import en from './en.json';
import zhCN from './zh-CN.json';
import { resolveLanguage } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [childPath, childValue] of flatten(value, path)) entries.set(childPath, childValue);
  }
  return entries;
}

const english = flatten(en);
const chinese = flatten(zhCN);

describe('translations', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty strings', () => {
    const empty = [...english, ...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of english) {
      expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('translate every error code the server or the client can produce', () => {
    const missing = [...ErrorCodes, ...ClientErrorCodes].filter((code) => !english.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('are actually Chinese in zh-CN, not copies of the English', () => {
    const untranslated = [...chinese].filter(
      ([key, text]) =>
        text === english.get(key) &&
        !/^(app\.name|languages\.|meetings\.join\.placeholder|lobby\.deviceFallback)/.test(key),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe('resolveLanguage', () => {
  it('keeps an explicit choice', () => {
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('follows the first preferred language it knows when set to auto', () => {
    expect(resolveLanguage('auto', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(resolveLanguage('auto', ['de'])).toBe('en');
  });
});
