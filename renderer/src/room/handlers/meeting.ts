import type { SignalingNotificationData as Data } from '@meetai/shared';
import type { RoomHandlerContext } from './context';

export function onChatMessage(ctx: RoomHandlerContext, { message }: Data<'chatMessage'>): void {
  ctx.actions.addChatMessage(message);
}

export async function onMuteRequested(ctx: RoomHandlerContext, { byPeerId }: Data<'muteRequested'>): Promise<void> {
  await ctx.muteMicForHost();
  const host = ctx.getState().peers[byPeerId];
  ctx.actions.pushNotice('mutedByHost', { name: host?.displayName ?? '' });
}

export function onMeetingLocked(ctx: RoomHandlerContext, { locked }: Data<'meetingLocked'>): void {
  if (ctx.getState().isLocked === locked) return;
  ctx.actions.setLocked(locked);
  ctx.actions.pushNotice(locked ? 'meetingLocked' : 'meetingUnlocked');
}

export function onMeetingEnded(ctx: RoomHandlerContext, { reason, message }: Data<'meetingEnded'>): void {
  if (reason === 'admin-ended') ctx.finish('admin-ended', message ?? null);
  else ctx.finish(reason === 'host-ended' ? 'host-ended' : 'meeting-ended');
}

export function onKicked(ctx: RoomHandlerContext): void {
  ctx.finish('kicked');
}

export function onRoomRestarted(ctx: RoomHandlerContext): void {
  ctx.restartRoom();
}
