import { createContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { RoomController } from '../../room/room-controller';
import type { RoomState, RoomUiActions } from '../../room/room-store';

/** What the room's components share: the store to read, the controller to act through, UI-only actions. */
export interface RoomContextValue {
  controller: RoomController;
  store: StoreApi<RoomState>;
  ui: RoomUiActions;
}

export const RoomContext = createContext<RoomContextValue | null>(null);
