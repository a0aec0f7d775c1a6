import { describe, expect, it } from 'vitest';
import { BridgeChannels, BridgeEvents, methodNameOf, type BridgeChannel } from './bridge';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

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
  'app:setUnreadCount': {
    request: [
      [0, 3, 99_999],
      [-1, 1.5, 100_000, '3'],
    ],
    response: [[null], [0]],
  },
  'screen:listSources': {
    request: [[undefined], [{}]],
    response: [
      [
        { sources: [], can_share_audio: false },
        {
          sources: [
            { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: PNG, icon: null },
            { id: 'window:4194307:0', name: 'Notes', kind: 'window', thumbnail: 'data:image/png;base64,', icon: PNG },
          ],
          can_share_audio: true,
        },
      ],
      [
        { sources: [{ id: 'tab:1', name: 'x', kind: 'screen', thumbnail: PNG, icon: null }], can_share_audio: false },
        {
          sources: [{ id: 'screen:0:0', name: 'x', kind: 'screen', thumbnail: 'https://x.example/a.png', icon: null }],
          can_share_audio: false,
        },
        {
          sources: [{ id: 'screen:0:0', name: 'x', kind: 'screen', thumbnail: 'data:text/html,<b>', icon: null }],
          can_share_audio: false,
        },
      ],
    ],
  },
  'screen:select': {
    request: [[{ source_id: 'window:42:0', with_audio: false }], [{ source_id: 'window:42:0' }, 'window:42:0']],
    response: [[null], [true]],
  },
  'meeting:setPresence': {
    request: [
      [null, { meeting_id: 7, title: 'Weekly', is_muted: true }, { meeting_id: 7, title: null, is_muted: false }],
      [undefined, { meeting_id: -1, title: null, is_muted: false }, { meeting_id: 7, title: 'x' }],
    ],
    response: [[null], [{}]],
  },
  'notification:show': {
    request: [
      [
        { kind: 'chat', title: 'Ada', body: 'hello', target: { view: 'room', meeting_id: 3, panel: 'chat' } },
        { kind: 'meeting-starting', title: 'Weekly', body: '', target: { view: 'meeting', meeting_id: 3 } },
        { kind: 'voice-alert', title: 'Alert', body: 'x', target: { view: 'room', meeting_id: 3 } },
      ],
      [
        { kind: 'spam', title: 'x', body: '', target: { view: 'join' } },
        { kind: 'chat', title: '', body: 'x', target: { view: 'join' } },
        { kind: 'chat', title: 'x', body: 'x', target: { view: 'http://evil.example/' } },
        { kind: 'chat', title: 'x', body: 'x', target: { view: 'room', meeting_id: '3' } },
      ],
    ],
    response: [
      [{ shown: true }, { shown: false }],
      [null, { shown: 'yes' }],
    ],
  },
  'updater:getStatus': {
    request: [[undefined], [null]],
    response: [
      [
        { state: 'disabled', reason: 'no-feed' },
        { state: 'downloading', version: '1.2.0', percent: 42.5 },
      ],
      [{ state: 'disabled' }, { state: 'downloading', version: '1.2.0', percent: 101 }, { state: 'done' }],
    ],
  },
  'updater:check': {
    request: [[undefined], [{ force: true }]],
    response: [
      [
        { state: 'ready', version: '1.2.0' },
        { state: 'error', message: 'feed unreachable' },
      ],
      [{}],
    ],
  },
  'updater:install': { request: [[undefined], [true]], response: [[null], [undefined]] },
  'health:probe': {
    request: [
      [{ targets: [{ name: 'prometheus', url: 'http://127.0.0.1:8802' }], timeout_ms: 2000 }],
      [{ targets: [] }, { targets: [{ name: 'prometheus', url: 'file:///etc/passwd' }] }, undefined],
    ],
    response: [
      [
        {
          status: 'up',
          monitoring_status: 'unknown',
          checked_at: '2026-01-01T00:00:00.000Z',
          duration_ms: 3,
          timeout_ms: 2000,
          targets: [],
        },
      ],
      [{ status: 'up' }, null],
    ],
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

  it('app:navigate and meeting:command carry only the views and commands they name', () => {
    const navigate = BridgeEvents['app:navigate'];
    expect(navigate.safeParse({ view: 'room', meeting_id: 9, panel: 'chat' }).success).toBe(true);
    expect(navigate.safeParse({ view: 'join' }).success).toBe(true);
    expect(navigate.safeParse({ view: 'room' }).success).toBe(false);
    expect(navigate.safeParse({ view: 'file:///etc/passwd' }).success).toBe(false);
    const command = BridgeEvents['meeting:command'];
    expect(command.safeParse({ command: 'leave' }).success).toBe(true);
    expect(command.safeParse({ command: 'end-meeting' }).success).toBe(false);
  });

  it('methodNameOf turns area:verb into areaVerb', () => {
    expect(methodNameOf('auth:getToken')).toBe('authGetToken');
    expect(methodNameOf('shell:openExternal')).toBe('shellOpenExternal');
  });
});
