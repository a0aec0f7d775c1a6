import type { SignalingNotificationData as Data } from '@meetai/shared';
import type { RoomHandlerContext } from './context';

export function onPeerJoined(ctx: RoomHandlerContext, { peer }: Data<'peerJoined'>): void {
  ctx.actions.addPeer(peer);
}

export function onPeerLeft(ctx: RoomHandlerContext, { peerId }: Data<'peerLeft'>): void {
  // The server closes their consumers too; closing here as well means no track outlives its peer.
  ctx.closePeerConsumers(peerId);
  ctx.actions.removePeer(peerId);
}

export function onPeerState(ctx: RoomHandlerContext, { peerId, state }: Data<'peerState'>): void {
  ctx.actions.setPeerState(peerId, state);
}

export function onActiveSpeaker(ctx: RoomHandlerContext, { peerId }: Data<'activeSpeaker'>): void {
  ctx.actions.setActiveSpeaker(peerId);
}
