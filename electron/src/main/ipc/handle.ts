import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  BridgeChannels,
  safeParseUnknown,
  type BridgeChannel,
  type BridgeRequest,
  type BridgeResponse,
  type BridgeResult,
  type ErrorCode,
} from '@meetai/shared';
import { createLogger } from '../logger';
import { isSameOrigin } from '../windows/renderer-source';

const log = createLogger('ipc');

/** Thrown by a handler to fail with a specific code; anything else thrown becomes INTERNAL. */
export class BridgeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export type BridgeHandler<C extends BridgeChannel> = (
  request: BridgeRequest<C>,
  event: IpcMainInvokeEvent,
) => BridgeResponse<C> | Promise<BridgeResponse<C>>;

export interface SenderTrust {
  /** Only the top frame of a page from this origin may call the bridge. */
  appOrigin: string;
}

export type Disposer = () => void;

function failure(code: ErrorCode, message: string): BridgeResult<never> {
  return { ok: false, error: { code, message } };
}

/** Our pages never embed frames, so a call from a subframe or another origin is not ours. */
export function isTrustedSender(event: IpcMainInvokeEvent, trust: SenderTrust): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isSameOrigin(frame.url, trust.appOrigin);
}

/**
 * Registers the one handler of `channel`. The payload is parsed with the
 * channel's request schema and the handler's answer with its response schema,
 * and every outcome crosses IPC as a BridgeResult: the renderer never receives
 * a thrown error or an unchecked value.
 */
export function handle<C extends BridgeChannel>(channel: C, impl: BridgeHandler<C>, trust: SenderTrust): Disposer {
  const schemas = BridgeChannels[channel];
  ipcMain.handle(channel, async (event, payload: unknown): Promise<BridgeResult<BridgeResponse<C>>> => {
    if (!isTrustedSender(event, trust)) {
      log.warn(`${channel} | refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return failure('FORBIDDEN', 'This page may not use the desktop bridge.');
    }
    const request = safeParseUnknown(schemas.request, payload);
    if (!request.ok) return failure('VALIDATION_FAILED', `${channel}: ${request.message}`);
    try {
      const answer: unknown = await impl(request.data as BridgeRequest<C>, event);
      const response = safeParseUnknown(schemas.response, answer);
      if (!response.ok) {
        log.error(`${channel} | handler answered outside its schema: ${response.message}`);
        return failure('INTERNAL', `The desktop app could not complete ${channel}.`);
      }
      return { ok: true, data: response.data as BridgeResponse<C> };
    } catch (error) {
      if (error instanceof BridgeError) return failure(error.code, error.message);
      log.error(`${channel} | handler failed`, error);
      return failure('INTERNAL', `The desktop app could not complete ${channel}.`);
    }
  });
  return () => ipcMain.removeHandler(channel);
}

/** Collects a family's disposers so its `dispose()` is one call and safe to repeat. */
export class HandlerGroup {
  private disposers: Disposer[] = [];

  add<C extends BridgeChannel>(channel: C, impl: BridgeHandler<C>, trust: SenderTrust): void {
    this.disposers.push(handle(channel, impl, trust));
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }
}
