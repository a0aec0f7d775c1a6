import type { SignalingNotificationData as Data } from '@meetai/shared';
import type { RoomHandlerContext } from './context';

export function onSpeakerEmotion(ctx: RoomHandlerContext, emotion: Data<'speakerEmotion'>): void {
  ctx.actions.setSpeakerEmotion(emotion);
}

/** A newly raised alert also becomes a toast naming the speaker (the desktop notification follows the store). */
export function onSynthesisAlert(ctx: RoomHandlerContext, { alert }: Data<'synthesisAlert'>): void {
  if (ctx.actions.setSynthesisAlert(alert)) ctx.actions.pushNotice('synthesisAlert', { name: alert.displayName });
}

export function onAnalysisStatusChanged(ctx: RoomHandlerContext, { status }: Data<'analysisStatusChanged'>): void {
  ctx.actions.setAnalysisStatus(status);
}
