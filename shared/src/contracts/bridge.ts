import { z } from 'zod';
import { DeepLinkSchema } from '../deeplink';
import { HealthProbeRequestSchema, HealthSweepSchema } from './rest/admin-health';
import { SettingsPatchSchema, SettingsSchema } from '../settings';

const MeetingIdSchema = z.number().int().positive();

/**
 * A place in the app that main can send the renderer to: from the tray, the
 * menu, or the click on a notification. `join` is the join-by-code field.
 */
export const AppViewSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('join') }),
  z.object({ view: z.literal('settings') }),
  z.object({ view: z.literal('meeting'), meeting_id: MeetingIdSchema }),
  z.object({ view: z.literal('room'), meeting_id: MeetingIdSchema, panel: z.enum(['chat']).optional() }),
]);
export type AppView = z.infer<typeof AppViewSchema>;

/** A PNG as a data URL; empty (`data:image/png;base64,`) when the OS gave no picture. */
const PngDataUrlSchema = z
  .string()
  .max(4_000_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]*$/);

/** A screen or window the user may share, as desktopCapturer names it (`screen:0:0`, `window:1234:0`). */
export const ScreenSourceSchema = z.object({
  id: z
    .string()
    .max(200)
    .regex(/^(screen|window):[\w:.-]+$/),
  name: z.string().max(512),
  kind: z.enum(['screen', 'window']),
  thumbnail: PngDataUrlSchema,
  /** The window's application icon, where the OS has one. */
  icon: PngDataUrlSchema.nullable(),
});
export type ScreenSource = z.infer<typeof ScreenSourceSchema>;

/** What a native notification is about; main decides from it whether to show one. */
export const NotificationKindSchema = z.enum(['chat', 'voice-alert', 'meeting-starting']);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** The meeting the renderer is in, for the tray, the power-save blocker and the window title; null when in none. */
export const MeetingPresenceSchema = z
  .object({
    meeting_id: MeetingIdSchema,
    title: z.string().max(200).nullable(),
    is_muted: z.boolean(),
  })
  .nullable();
export type MeetingPresence = z.infer<typeof MeetingPresenceSchema>;

/** Where the desktop app's own update stands. */
export const UpdateStatusSchema = z.discriminatedUnion('state', [
  /** No feed was built in, the app runs unpacked, or this is the web build: nothing will ever be checked. */
  z.object({ state: z.literal('disabled'), reason: z.enum(['no-feed', 'unpackaged', 'web']) }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('up-to-date') }),
  z.object({ state: z.literal('downloading'), version: z.string().max(64), percent: z.number().min(0).max(100) }),
  /** Downloaded: a restart installs it. */
  z.object({ state: z.literal('ready'), version: z.string().max(64) }),
  z.object({ state: z.literal('error'), message: z.string().max(500) }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

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
  /** Unread chat messages: the dock/launcher badge and the tray's hint. */
  'app:setUnreadCount': { request: z.number().int().min(0).max(99_999), response: z.null() },
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
  /** The screens and windows that can be shared, with thumbnails, for the app's own picker. */
  'screen:listSources': {
    request: z.undefined(),
    response: z.object({
      sources: z.array(ScreenSourceSchema).max(200),
      /** Whether system audio can go with the picture here (Windows only, in Electron 45). */
      can_share_audio: z.boolean(),
    }),
  },
  /** The user's pick; the page's next getDisplayMedia() gets that source. Only a source just listed is accepted. */
  'screen:select': {
    request: z.object({ source_id: z.string().max(200), with_audio: z.boolean() }),
    response: z.null(),
  },
  /** Enter, change or leave (null) a meeting. */
  'meeting:setPresence': { request: MeetingPresenceSchema, response: z.null() },
  /** A native notification; `shown` is false when main chose not to (e.g. chat while the window has focus). */
  'notification:show': {
    request: z.object({
      kind: NotificationKindSchema,
      title: z.string().min(1).max(200),
      body: z.string().max(1000),
      target: AppViewSchema,
    }),
    response: z.object({ shown: z.boolean() }),
  },
  'updater:getStatus': { request: z.undefined(), response: UpdateStatusSchema },
  'updater:check': { request: z.undefined(), response: UpdateStatusSchema },
  /** Quits, installs the downloaded update and starts again; refused unless one is ready. */
  'updater:install': { request: z.undefined(), response: z.null() },
  /**
   * Admin mode's health sweep. The desktop runs the shared probes (`probeTargets`) in its main
   * process, where no CORS stands between it and the monitoring ports; the browser build asks
   * the gateway to probe (`POST /api/v1/admin/health`).
   */
  'health:probe': { request: HealthProbeRequestSchema, response: HealthSweepSchema },
} as const;

export type BridgeChannel = keyof typeof BridgeChannels;
export type BridgeRequest<C extends BridgeChannel> = z.infer<(typeof BridgeChannels)[C]['request']>;
export type BridgeResponse<C extends BridgeChannel> = z.infer<(typeof BridgeChannels)[C]['response']>;

/** Events main pushes to the renderer. */
export const BridgeEvents = {
  'deeplink:open': DeepLinkSchema,
  /** Show this view (tray, menu, notification click). */
  'app:navigate': AppViewSchema,
  /** The tray asks the meeting for something the user would otherwise click in the room. */
  'meeting:command': z.object({ command: z.enum(['mute', 'unmute', 'leave']) }),
  'updater:status': UpdateStatusSchema,
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
