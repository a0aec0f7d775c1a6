import { create } from 'zustand';
import type { JoinMeetingResult } from '@meetai/shared';

/** The REST join result; the live room (next issue) builds on it. */
export interface RoomState {
  joined: JoinMeetingResult | null;
  setJoined(result: JoinMeetingResult): void;
  clear(): void;
}

export const useRoomStore = create<RoomState>()((set) => ({
  joined: null,
  setJoined: (result) => set({ joined: result }),
  clear: () => set({ joined: null }),
}));
