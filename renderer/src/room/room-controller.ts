import type { LanguageChoice } from '@meetai/shared';
import type { LocalSource } from './room-store';
import type { TileSource } from './video-visibility';

/**
 * What components may ask of the room: user intents plus read access to live
 * tracks. RoomClient implements it; component tests pass a fake.
 */
export interface RoomController {
  join(): Promise<void>;
  leave(): Promise<void>;
  enableMic(): Promise<void>;
  disableMic(): Promise<void>;
  muteMic(): Promise<void>;
  unmuteMic(): Promise<void>;
  enableWebcam(): Promise<void>;
  disableWebcam(): Promise<void>;
  switchCamera(deviceId: string): Promise<void>;
  switchMicrophone(deviceId: string): Promise<void>;
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  raiseHand(): Promise<void>;
  lowerHand(): Promise<void>;
  sendChat(text: string): Promise<boolean>;
  muteParticipant(peerId: string): Promise<void>;
  removeParticipant(peerId: string): Promise<void>;
  lockMeeting(locked: boolean): Promise<void>;
  endMeeting(): Promise<void>;
  /** Host: the meeting's live captions on or off, and their language. */
  setCaptions(enabled: boolean, language?: LanguageChoice): Promise<void>;
  /** Host: the meeting's emotion estimates and/or experimental synthetic-voice indicator on or off. */
  setAnalysis(change: { emotion?: boolean; synthesis?: boolean }): Promise<void>;
  refreshDevices(): Promise<void>;
  /** A tile reports its rendered size so the SFU forwards a simulcast layer that fits it. */
  setTileSize(consumerId: string, width: number, height: number): void;
  /**
   * A tile (webcam) or the screen stage says whether it is on screen, and the grid says which peers
   * are on other pages (hidden); video reported hidden is paused at the SFU, unreported video is not.
   */
  setTileVisible(peerId: string, source: TileSource, isVisible: boolean): void;
  /** The tile, or the grid's report about a peer, is gone: that video counts as unreported again. */
  forgetTile(peerId: string, source: TileSource): void;
  getTrack(consumerId: string): MediaStreamTrack | null;
  getLocalTrack(source: LocalSource): MediaStreamTrack | null;
  subscribeTracks(listener: () => void): () => void;
}
