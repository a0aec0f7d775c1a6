import type { SignalingNotificationData as Data } from '@meetai/shared';
import type { RoomHandlerContext } from './context';

export function onCaptionReceived(ctx: RoomHandlerContext, { caption }: Data<'captionReceived'>): void {
  ctx.actions.upsertCaption(caption);
}

export function onCaptionsStatusChanged(ctx: RoomHandlerContext, { status }: Data<'captionsStatusChanged'>): void {
  ctx.actions.setCaptionsStatus(status);
}
