import { create } from 'zustand';

/** How the user chose to enter the meeting; the room reads these when it starts sending media. */
export interface LobbyState {
  isCameraOn: boolean;
  isMicOn: boolean;
  setCameraOn(isOn: boolean): void;
  setMicOn(isOn: boolean): void;
}

export const useLobbyStore = create<LobbyState>()((set) => ({
  isCameraOn: true,
  isMicOn: true,
  setCameraOn: (isOn) => set({ isCameraOn: isOn }),
  setMicOn: (isOn) => set({ isMicOn: isOn }),
}));
