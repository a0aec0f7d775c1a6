import {
  RequestFrameSchema,
  SignalingRequests,
  describeIssues,
  isSignalingMethod,
  type ErrorCode,
} from '@meetai/shared';
import type { Handled } from './connection';
import { frameId } from './frame-id';
import { handlers } from './handlers';
import type { HandlerContext } from './handlers/types';
import { toErrorReply } from './signaling-error';

export type RequestScope = Omit<HandlerContext, 'after'>;

function refuse(id: number | null, code: ErrorCode, message: string): Handled {
  return { response: { id, ok: false, error: { code, message } }, after: [] };
}

/**
 * One request frame, from text to reply: parse, find the method in the
 * handler table, check its data against the shared schema, check it may run
 * now, run it. Whatever happens, the result is a reply; nothing is thrown.
 */
export async function routeRequest(text: string, scope: RequestScope): Promise<Handled> {
  const finish = scope.services.requests?.begin();
  const handled = await route(text, scope);
  const { response } = handled;
  finish?.(methodOf(text), response.ok ? null : response.error.code);
  return handled;
}

/**
 * The method a frame names, for metrics and spans: a protocol method or
 * `unknown`, so a client cannot grow the label set.
 */
function methodOf(text: string): string {
  const method = /"method"\s*:\s*"([A-Za-z]{1,64})"/.exec(text)?.[1];
  return method && isSignalingMethod(method) ? method : 'unknown';
}

async function route(text: string, scope: RequestScope): Promise<Handled> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse(null, 'MALFORMED_JSON', 'The message is not valid JSON.');
  }
  const frame = RequestFrameSchema.safeParse(raw);
  if (!frame.success) {
    return refuse(
      frameId(raw),
      'BAD_MESSAGE',
      `A request is {"id": <number>, "method": <name>, "data": {...}}: ${describeIssues(frame.error)}`,
    );
  }
  const { id, method, data } = frame.data;
  if (!isSignalingMethod(method))
    return refuse(id, 'UNKNOWN_METHOD', `There is no signaling method named "${method}".`);
  const parsed = SignalingRequests[method].data.safeParse(data ?? {});
  if (!parsed.success) return refuse(id, 'VALIDATION_FAILED', `${method}: ${describeIssues(parsed.error)}`);
  const handler = handlers[method];
  if (handler.needsJoin && !scope.peer.joined) return refuse(id, 'NOT_JOINED', `Send "join" before "${method}".`);

  const after: (() => Promise<void>)[] = [];
  try {
    // The table pairs each method with its own handler; TypeScript cannot follow that through `method`.
    const run = handler.run as (ctx: HandlerContext, data: unknown) => Promise<unknown>;
    const result = await run({ ...scope, after: (task) => after.push(task) }, parsed.data);
    return { response: { id, ok: true, data: result }, after };
  } catch (error) {
    const { reply, isUnexpected } = toErrorReply(error, handler.isMedia ?? false);
    if (isUnexpected) scope.services.log.error({ err: error, method }, 'signaling handler failed');
    else scope.services.log.debug({ err: error, method }, 'signaling request refused');
    return { response: { id, ok: false, error: reply }, after: [] };
  }
}
