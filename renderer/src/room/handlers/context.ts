import type { SignalingNotificationData } from '@meetai/shared';
import type { CloseReason, RoomActions, RoomState } from '../room-store';

/** What a notification handler may touch: store actions, and the RoomClient for media and lifecycle. */
export interface RoomHandlerContext {
  actions: RoomActions;
  getState(): RoomState;
  consume(data: SignalingNotificationData<'newConsumer'>): Promise<void>;
  closeConsumer(consumerId: string): void;
  closePeerConsumers(peerId: string): void;
  muteMicForHost(): Promise<void>;
  restartRoom(): void;
  finish(reason: CloseReason, message?: string | null): void;
}
