import { describe, expect, it } from 'vitest';
import { BridgeChannels, BridgeEvents, methodNameOf, type BridgeChannel } from './bridge';

/** One accepted and at least one refused payload for every channel's request and response. */
const CASES: Record<BridgeChannel, { request: [unknown[], unknown[]]; response: [unknown[], unknown[]] }> = {
  'app:getInfo': {
    request: [[undefined], [{}]],
    response: [[{ version: '0.1.0', platform: 'linux', is_desktop: true }], [{ version: '0.1.0' }]],
  },
  'app:ready': { request: [[undefined], ['ready']], response: [[null], [undefined]] },
  'settings:get': { request: [[undefined], [null]], response: [[{}], [{ theme: 'neon' }]] },
  'settings:set': {
    request: [[{ language: 'zh-CN' }], [{ language: 'klingon' }, { foo: 1 }]],
    response: [[{}], [{ language: 'x' }]],
  },
  'auth:getToken': { request: [[undefined], ['x']], response: [['token', null], [42]] },
  'auth:setToken': { request: [['r'.repeat(43)], ['', 'r'.repeat(4097), 7]], response: [[null], ['ok']] },
  'auth:clearToken': { request: [[undefined], [true]], response: [[null], [false]] },
  'shell:openExternal': {
    request: [
      ['https://example.com/docs'],
      ['javascript:alert(1)', 'file:///etc/passwd', 'meeting://join/123-456-789'],
    ],
    response: [[null], [{}]],
  },
};

describe('bridge channels', () => {
  it('has cases for every channel', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(BridgeChannels).sort());
  });

  for (const channel of Object.keys(BridgeChannels) as BridgeChannel[]) {
    it(`${channel}: request and response schemas accept and refuse the right payloads`, () => {
      const { request, response } = BridgeChannels[channel];
      const cases = CASES[channel];
      for (const [schema, [valid, invalid]] of [
        [request, cases.request],
        [response, cases.response],
      ] as const) {
        for (const value of valid)
          expect(schema.safeParse(value).success, `${channel} ${JSON.stringify(value)}`).toBe(true);
        for (const value of invalid)
          expect(schema.safeParse(value).success, `${channel} ${JSON.stringify(value)}`).toBe(false);
      }
    });
  }

  it('deeplink:open carries a parsed route only', () => {
    expect(BridgeEvents['deeplink:open'].safeParse({ route: 'join', code: '123-456-789' }).success).toBe(true);
    expect(BridgeEvents['deeplink:open'].safeParse('meeting://join/123-456-789').success).toBe(false);
  });

  it('methodNameOf turns area:verb into areaVerb', () => {
    expect(methodNameOf('auth:getToken')).toBe('authGetToken');
    expect(methodNameOf('shell:openExternal')).toBe('shellOpenExternal');
  });
});
