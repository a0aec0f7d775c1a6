import { lazy } from 'react';

export { prepareRoom, type LobbyTracks, type RoomPreparation } from './room-entry';

/** The live meeting room; lazy, so mediasoup-client stays out of the first chunk. */
export const MeetingRoomPage = lazy(() => import('./RoomRoute').then((m) => ({ default: m.RoomRoute })));
