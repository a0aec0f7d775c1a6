import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BridgeChannels,
  BridgeEvents,
  methodNameOf,
  type BridgeChannel,
  type BridgeEvent,
  type BridgeEventPayload,
  type DesktopBridge,
} from '@meetai/shared/contracts/bridge';
import { safeParseUnknown } from '@meetai/shared/parse';

/**
 * What a bridge method rejects with. A plain object rather than an Error,
 * because contextBridge copies only an Error's message into the page and
 * would drop the code.
 */
export interface BridgeFailure {
  code: string;
  message: string;
}

type IpcRendererLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isBridgeEvent(event: unknown): event is BridgeEvent {
  return typeof event === 'string' && Object.hasOwn(BridgeEvents, event);
}

/** Unwraps main's BridgeResult: data resolves, a failure rejects with its code and sentence. */
function unwrap(result: unknown): unknown {
  const shaped = result as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (shaped?.ok === true) return shaped.data;
  const failure: BridgeFailure = {
    code: typeof shaped?.error?.code === 'string' ? shaped.error.code : 'INTERNAL',
    message: typeof shaped?.error?.message === 'string' ? shaped.error.message : 'The desktop app gave no answer.',
  };
  throw failure;
}

/**
 * One named method per channel of BridgeChannels, plus `on`. Main validates
 * every payload; events from main are validated here before the page sees them,
 * and the page never receives the IpcRendererEvent (which carries ipcRenderer).
 */
export function buildBridge(ipc: IpcRendererLike): DesktopBridge {
  const methods: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(BridgeChannels) as BridgeChannel[]) {
    methods[methodNameOf(channel)] = (request?: unknown) => ipc.invoke(channel, request).then(unwrap);
  }
  const on = <E extends BridgeEvent>(event: E, callback: (payload: BridgeEventPayload<E>) => void): (() => void) => {
    if (!isBridgeEvent(event)) throw new TypeError(`Unknown desktop event: ${String(event)}`);
    if (typeof callback !== 'function') throw new TypeError('A desktop event listener must be a function.');
    const listener = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = safeParseUnknown(BridgeEvents[event], payload);
      if (parsed.ok) callback(parsed.data as BridgeEventPayload<E>);
      else console.warn(`[preload] ${event} | dropped a malformed payload: ${parsed.message}`);
    };
    ipc.on(event, listener);
    return () => {
      ipc.removeListener(event, listener);
    };
  };
  return Object.freeze({ ...methods, on }) as unknown as DesktopBridge;
}

contextBridge.exposeInMainWorld('desktop', buildBridge(ipcRenderer));
