import type { MediaSource } from '@meetai/shared';
import type { CaptionLine } from './caption-lines';
import { GRID_PAGE_SIZE, type PeerView, type QualityView, type RoomState } from './room-store';

/*
 * Selectors return scalars or existing objects so components re-render only
 * when their answer changes. The few that build arrays are meant for
 * zustand's `useShallow`.
 */

export const selectSelfPeerId = (s: RoomState) => s.self?.peerId ?? null;
export const selectIsHost = (s: RoomState) => s.self?.role === 'host';
export const selectIsMuted = (s: RoomState) => s.self?.state.isMuted ?? true;
export const selectIsCameraOff = (s: RoomState) => s.self?.state.isCameraOff ?? true;
export const selectIsHandRaised = (s: RoomState) => s.self?.state.isHandRaised ?? false;
export const selectIsSharingScreen = (s: RoomState) => s.localProducers.screen !== undefined;
export const selectParticipantCount = (s: RoomState) => s.peerOrder.length + (s.self ? 1 : 0);

/** Everyone shown in the grid: self first, then others in the order they joined. */
export function selectTilePeerIds(s: RoomState): string[] {
  return s.self ? [s.self.peerId, ...s.peerOrder] : [...s.peerOrder];
}

export function selectPageCount(s: RoomState): number {
  return Math.max(1, Math.ceil(selectParticipantCount(s) / GRID_PAGE_SIZE));
}

/** The current page clamped into range, since people leave while someone looks at the last page. */
export function selectCurrentPage(s: RoomState): number {
  return Math.min(s.gridPage, selectPageCount(s) - 1);
}

export function selectPagePeerIds(s: RoomState): string[] {
  const start = selectCurrentPage(s) * GRID_PAGE_SIZE;
  return selectTilePeerIds(s).slice(start, start + GRID_PAGE_SIZE);
}

/** Everyone else whose tile is on another grid page: not mounted, so the grid reports them hidden. */
export function selectOffPagePeerIds(s: RoomState): string[] {
  const onPage = new Set(selectPagePeerIds(s));
  return s.peerOrder.filter((peerId) => !onPage.has(peerId));
}

export const selectPeer =
  (peerId: string) =>
  (s: RoomState): PeerView | null =>
    s.self?.peerId === peerId ? s.self : (s.peers[peerId] ?? null);

/** The consumer of a peer's video from one source, or null when none is flowing. */
export const selectVideoConsumerId =
  (peerId: string, source: MediaSource = 'webcam') =>
  (s: RoomState): string | null => {
    for (const consumer of Object.values(s.consumers)) {
      if (consumer.peerId === peerId && consumer.source === source && consumer.kind === 'video') {
        return consumer.isProducerPaused ? null : consumer.consumerId;
      }
    }
    return null;
  };

export function selectAudioConsumerIds(s: RoomState): string[] {
  return Object.values(s.consumers)
    .filter((consumer) => consumer.kind === 'audio')
    .map((consumer) => consumer.consumerId);
}

/** Who is sharing a screen: the self peer id when we are, so the stage can show our own capture. */
export function selectScreenSharePeerId(s: RoomState): string | null {
  if (s.localProducers.screen && s.self) return s.self.peerId;
  for (const consumer of Object.values(s.consumers)) {
    if (consumer.source === 'screen' && consumer.kind === 'video') return consumer.peerId;
  }
  return null;
}

export const selectQuality =
  (peerId: string) =>
  (s: RoomState): QualityView | null =>
    s.quality[peerId] ?? null;

/** The meeting timer counts from the earliest join anyone present remembers. */
export function selectMeetingStartedAt(s: RoomState): string | null {
  const times = [s.self, ...Object.values(s.peers)]
    .filter((peer): peer is PeerView => peer !== null)
    .map((peer) => peer.joinedAt)
    .filter((time) => !Number.isNaN(Date.parse(time)));
  if (!times.length) return null;
  return times.reduce((earliest, time) => (Date.parse(time) < Date.parse(earliest) ? time : earliest));
}

export const selectCaptionsStatus = (s: RoomState) => s.captionsStatus;

/** Finals in the order their utterances began: the live transcript. Use with `useShallow`. */
export function selectFinalCaptions(s: RoomState): CaptionLine[] {
  return s.captions.filter((line) => line.isFinal);
}

/** Lines still being spoken, for the bottom of the transcript. Use with `useShallow`. */
export function selectInterimCaptions(s: RoomState): CaptionLine[] {
  return s.captions.filter((line) => !line.isFinal);
}

/** How long a finished line stays over the video once nobody adds to it. */
export const CAPTION_LINGER_MS = 8000;
/** Speakers whose latest line the overlay shows at once. */
export const OVERLAY_SPEAKERS = 3;

/**
 * The overlay: each recent speaker's latest line (interim while they talk, then
 * their final for a few seconds), at most OVERLAY_SPEAKERS, oldest first.
 * Builds an array of existing lines: use with `useShallow`.
 */
export const selectOverlayCaptions =
  (now: number) =>
  (s: RoomState): CaptionLine[] => {
    const seen = new Set<string>();
    const shown: CaptionLine[] = [];
    for (let i = s.captions.length - 1; i >= 0 && shown.length < OVERLAY_SPEAKERS; i--) {
      const line = s.captions[i];
      if (!line || seen.has(line.peerId)) continue;
      seen.add(line.peerId);
      if (!line.isFinal || now - line.receivedAt <= CAPTION_LINGER_MS) shown.push(line);
    }
    return shown.reverse();
  };
