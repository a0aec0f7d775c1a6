/** A stand-in for MediaStreamTrack (jsdom has none): enough for the room client's use. */
export interface FakeTrack {
  id: string;
  kind: 'audio' | 'video';
  label: string;
  enabled: boolean;
  readyState: 'live' | 'ended';
  contentHint: string;
  stop(): void;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  /** What the browser does when the user ends a capture from its own UI. */
  end(): void;
}

let nextTrackId = 1;

export function fakeTrack(kind: 'audio' | 'video', label = `${kind} ${nextTrackId}`): MediaStreamTrack & FakeTrack {
  const listeners = new Map<string, Set<() => void>>();
  const track: FakeTrack = {
    id: `track-${nextTrackId++}`,
    kind,
    label,
    enabled: true,
    readyState: 'live',
    contentHint: '',
    stop() {
      track.readyState = 'ended';
    },
    addEventListener(type, listener) {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
    },
    removeEventListener(type, listener) {
      listeners.get(type)?.delete(listener);
    },
    end() {
      track.readyState = 'ended';
      for (const listener of listeners.get('ended') ?? []) listener();
    },
  };
  return track as MediaStreamTrack & FakeTrack;
}
