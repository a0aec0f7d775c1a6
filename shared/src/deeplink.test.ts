import { describe, expect, it } from 'vitest';
import { describeSchemas } from './testing/schema-cases';
import * as deeplink from './deeplink';

describeSchemas('deep link contracts', deeplink, {
  DeepLinkSchema: {
    valid: [{ route: 'join', code: '123-456-789' }],
    invalid: [{ route: 'join', code: '123456789' }, { route: 'open', code: '123-456-789' }, { route: 'join' }],
  },
});

const CODES = ['123-456-789', '000-000-001', '999-999-999'];
const SERVERS = ['http://localhost:8800', 'https://meet.example.com/', 'http://192.168.1.20:8800'];

describe('deep links survive parse(build(x))', () => {
  it.each(CODES)('app link for %s', (code) => {
    expect(deeplink.parseDeepLink(deeplink.buildAppJoinLink(code))).toEqual({ route: 'join', code });
  });

  it.each(CODES.flatMap((code) => SERVERS.map((server) => [server, code])))('web link %s for %s', (server, code) => {
    const link = deeplink.buildWebJoinLink(server as string, code as string);
    expect(link).not.toContain('//j/');
    expect(deeplink.parseDeepLink(link)).toEqual({ route: 'join', code });
  });
});

describe('parseDeepLink', () => {
  it('accepts what people paste: bare codes, links with a query, upper-case schemes', () => {
    expect(deeplink.parseDeepLink(' 123 456 789 ')).toEqual({ route: 'join', code: '123-456-789' });
    expect(deeplink.parseDeepLink('MEETING://join/123456789')).toEqual({ route: 'join', code: '123-456-789' });
    expect(deeplink.parseDeepLink('https://meet.example.com/j/123-456-789?utm=x#top')).toEqual({
      route: 'join',
      code: '123-456-789',
    });
    expect(deeplink.parseDeepLink('http://localhost:8800/j/123%20456%20789')).toEqual({
      route: 'join',
      code: '123-456-789',
    });
  });

  it.each([
    'javascript:alert(1)',
    'meeting://open/123-456-789',
    'meeting://join/123-456-789/extra',
    'http://localhost:8800/x/123-456-789',
    'file:///j/123-456-789',
    'https:///j/123-456-789',
    '12345',
    `https://example.com/j/123-456-789?${'a'.repeat(2100)}`,
  ])('refuses %s', (input) => {
    expect(deeplink.parseDeepLink(input)).toBeNull();
  });
});
