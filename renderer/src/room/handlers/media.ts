import type { SignalingNotificationData as Data } from '@meetai/shared';
import type { RoomHandlerContext } from './context';

export function onNewConsumer(ctx: RoomHandlerContext, data: Data<'newConsumer'>): Promise<void> {
  return ctx.consume(data);
}

export function onConsumerClosed(ctx: RoomHandlerContext, { consumerId }: Data<'consumerClosed'>): void {
  ctx.closeConsumer(consumerId);
}

export function onConsumerLayersChanged(ctx: RoomHandlerContext, data: Data<'consumerLayersChanged'>): void {
  ctx.actions.setConsumerLayer(data.consumerId, data.spatialLayer);
}

export function onProducerPaused(ctx: RoomHandlerContext, { producerId }: Data<'producerPaused'>): void {
  ctx.actions.setProducerPaused(producerId, true);
}

export function onProducerResumed(ctx: RoomHandlerContext, { producerId }: Data<'producerResumed'>): void {
  ctx.actions.setProducerPaused(producerId, false);
}
