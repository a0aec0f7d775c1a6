import { z } from 'zod';
import { DeepLinkSchema } from '../deeplink';
import { SettingsPatchSchema, SettingsSchema } from '../settings';

/**
 * The desktop bridge: every channel between the renderer and Electron's main
 * process, with its request and response schemas. The preload, the main
 * handlers and the browser implementation are all typed from this one map.
 */
export const BridgeChannels = {
  'app:getInfo': {
    request: z.undefined(),
    response: z.object({
      version: z.string(),
      platform: z.string(),
      is_desktop: z.boolean(),
    }),
  },
  'app:ready': { request: z.undefined(), response: z.null() },
  'settings:get': { request: z.undefined(), response: SettingsSchema },
  'settings:set': { request: SettingsPatchSchema, response: SettingsSchema },
  /** The refresh token, kept encrypted with the OS keychain in Electron. */
  'auth:getToken': { request: z.undefined(), response: z.string().nullable() },
  'auth:setToken': { request: z.string().min(1).max(4096), response: z.null() },
  'auth:clearToken': { request: z.undefined(), response: z.null() },
  'shell:openExternal': {
    request: z.url({ protocol: /^https?$/ }).max(4096),
    response: z.null(),
  },
} as const;

export type BridgeChannel = keyof typeof BridgeChannels;
export type BridgeRequest<C extends BridgeChannel> = z.infer<(typeof BridgeChannels)[C]['request']>;
export type BridgeResponse<C extends BridgeChannel> = z.infer<(typeof BridgeChannels)[C]['response']>;

/** Events main pushes to the renderer. */
export const BridgeEvents = {
  'deeplink:open': DeepLinkSchema,
} as const;
export type BridgeEvent = keyof typeof BridgeEvents;
export type BridgeEventPayload<E extends BridgeEvent> = z.infer<(typeof BridgeEvents)[E]>;

/** What crosses IPC: never a thrown error, always a result object. */
export type BridgeResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

type MethodName<C extends string> = C extends `${infer Area}:${infer Verb}` ? `${Area}${Capitalize<Verb>}` : never;

/** Channel `auth:getToken` becomes method `authGetToken`. */
export function methodNameOf<C extends BridgeChannel>(channel: C): MethodName<C> {
  const [area, verb] = channel.split(':') as [string, string];
  return `${area}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as MethodName<C>;
}

/** The object the renderer sees as `window.desktop` (or the browser stand-in). */
export type DesktopBridge = {
  [C in BridgeChannel as MethodName<C>]: BridgeRequest<C> extends undefined
    ? () => Promise<BridgeResponse<C>>
    : (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;
} & {
  on<E extends BridgeEvent>(event: E, listener: (payload: BridgeEventPayload<E>) => void): () => void;
};
