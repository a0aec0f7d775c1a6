import { lazy } from 'react';

export { useRoomStore } from './store';

/** The live meeting room; lazy, so mediasoup-client stays out of the first chunk. */
export const MeetingRoomPage = lazy(() => import('./RoomRoute').then((m) => ({ default: m.RoomRoute })));
