import { lazy } from 'react';

export { useRoomStore } from './store';

export const RoomJoinedPage = lazy(() =>
  import('./components/RoomJoinedPage').then((m) => ({ default: m.RoomJoinedPage })),
);
