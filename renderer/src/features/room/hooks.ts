import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { RoomController } from '../../room/room-controller';
import type { LocalSource, RoomState, RoomUiActions } from '../../room/room-store';
import type { TileSource } from '../../room/video-visibility';
import { RoomContext, type RoomContextValue } from './room-context';

function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('Room hooks are used inside <RoomContext.Provider> only');
  return value;
}

/** User intents (mute, share, leave, ...) go through this; components never touch media objects. */
export function useRoomClient(): RoomController {
  return useRoomContext().controller;
}

/** Reads the room store through a selector; re-renders only when the selected value changes. */
export function useRoomState<T>(selector: (state: RoomState) => T): T {
  return useStore(useRoomContext().store, selector);
}

export function useRoomUi(): RoomUiActions {
  return useRoomContext().ui;
}

/** Subscribes through the controller itself: its methods need their `this`. */
function useTrackSubscription(): (listener: () => void) => () => void {
  const controller = useRoomClient();
  return useCallback((listener: () => void) => controller.subscribeTracks(listener), [controller]);
}

/** A remote track by consumer id, kept current as consumers come and go. */
export function useTrack(consumerId: string | null): MediaStreamTrack | null {
  const controller = useRoomClient();
  return useSyncExternalStore(useTrackSubscription(), () => (consumerId ? controller.getTrack(consumerId) : null));
}

export function useLocalTrack(source: LocalSource): MediaStreamTrack | null {
  const controller = useRoomClient();
  return useSyncExternalStore(useTrackSubscription(), () => controller.getLocalTrack(source));
}

/**
 * Tells the room whether `element` (someone's tile, or the screen stage) is on
 * screen, so video nobody sees is paused at the SFU. Mounted counts as shown
 * until an IntersectionObserver (missing in jsdom) says otherwise; a tile
 * scrolled out of the filmstrip is not shown. Unmounted, the tile withdraws its
 * report rather than saying hidden: whoever shows that peer next reports for
 * them (the grid reports the peers on other pages), and a tile gone for good
 * must not hold back the same person's next video (a second screen share, the
 * room after Rejoin). `peerId` null: nothing to report (our own tile).
 */
export function useTileVisibility(element: Element | null, peerId: string | null, source: TileSource): void {
  const controller = useRoomClient();
  useEffect(() => {
    if (!element || !peerId) return;
    controller.setTileVisible(peerId, source, true);
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(([entry]) => {
            if (entry) controller.setTileVisible(peerId, source, entry.isIntersecting);
          });
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      controller.forgetTile(peerId, source);
    };
  }, [element, peerId, source, controller]);
}

/**
 * Reports peers whose tiles are not mounted (the grid's other pages) as hidden,
 * since a video nobody reports on is resumed. Withdrawn when the list changes or
 * the grid goes; pass a list that keeps its identity while its contents do
 * (zustand's `useShallow`), so the reports are not redone at every render.
 */
export function useUnmountedTilesHidden(peerIds: readonly string[], source: TileSource): void {
  const controller = useRoomClient();
  useEffect(() => {
    for (const peerId of peerIds) controller.setTileVisible(peerId, source, false);
    return () => {
      for (const peerId of peerIds) controller.forgetTile(peerId, source);
    };
  }, [peerIds, source, controller]);
}

/** The current time, refreshed every `intervalMs`, for clocks. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
