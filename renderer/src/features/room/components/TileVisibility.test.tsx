import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { peerFixture, consumerFixture } from '../../../room/testing/fake-server';
import { renderRoom, seedJoined, type FakeController } from '../testing/render-room';
import { ParticipantTile } from './ParticipantTile';
import { RoomPage } from './RoomPage';
import { VideoGrid } from './VideoGrid';

const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin' });
const others = (count: number) => Array.from({ length: count }, (_, i) => peerFixture(`peer-${i + 2}`));
const pageProps = { title: 'Sync', startedAt: null, speakerId: null, onExit: vi.fn(), onReturnToLobby: vi.fn() };

/**
 * What the tiles and the grid last told the controller, by `source:peerId`:
 * true shown, false hidden; a withdrawn report (`forgetTile`) leaves no entry.
 */
function lastReports(controller: FakeController): Map<string, boolean> {
  const { setTileVisible, forgetTile } = controller;
  const reports = [
    ...setTileVisible.mock.calls.map(([peerId, source, isVisible], i) => ({
      order: setTileVisible.mock.invocationCallOrder[i] ?? 0,
      key: `${source}:${peerId}`,
      isVisible: isVisible as boolean | null,
    })),
    ...forgetTile.mock.calls.map(([peerId, source], i) => ({
      order: forgetTile.mock.invocationCallOrder[i] ?? 0,
      key: `${source}:${peerId}`,
      isVisible: null,
    })),
  ].sort((a, b) => a.order - b.order);
  const last = new Map<string, boolean>();
  for (const { key, isVisible } of reports) {
    if (isVisible === null) last.delete(key);
    else last.set(key, isVisible);
  }
  return last;
}

const peersReported = (controller: FakeController, isVisible: boolean, source = 'webcam') =>
  [...lastReports(controller)]
    .filter(([key, value]) => value === isVisible && key.startsWith(`${source}:`))
    .map(([key]) => key.slice(source.length + 1))
    .sort();

const shownPeers = (controller: FakeController, source = 'webcam') => peersReported(controller, true, source);
const hiddenPeers = (controller: FakeController, source = 'webcam') => peersReported(controller, false, source);

/**
 * jsdom has no IntersectionObserver; this stand-in lets a test say what the
 * browser would report for each observed element.
 */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  isDisconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.isDisconnected = true;
  }
  report(isIntersecting: boolean) {
    const entries = this.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeIntersectionObserver.instances = [];
});

describe('tiles report whether they are on screen', () => {
  it('reports the tiles of the current grid page shown and everyone on other pages hidden, never us, following page changes', () => {
    const { controller } = renderRoom(<VideoGrid />, { seed: (actions) => seedJoined(actions, self, others(29)) });
    const firstPage = others(24).map((peer) => peer.peerId);
    const secondPage = ['peer-26', 'peer-27', 'peer-28', 'peer-29', 'peer-30'];
    expect(shownPeers(controller)).toEqual([...firstPage].sort());
    expect(hiddenPeers(controller)).toEqual(secondPage);
    expect(lastReports(controller).has('webcam:peer-self')).toBe(false);

    fireEvent.click(screen.getByTestId('grid-next'));
    expect(shownPeers(controller)).toEqual(secondPage);
    expect(hiddenPeers(controller)).toEqual([...firstPage].sort());
    expect(lastReports(controller).has('webcam:peer-self')).toBe(false);

    fireEvent.click(screen.getByTestId('grid-previous'));
    expect(shownPeers(controller)).toEqual([...firstPage].sort());
    expect(hiddenPeers(controller)).toEqual(secondPage);
  });

  it('re-reports the other pages when people come and go, and withdraws them when the grid gives way to the speaker view', () => {
    const { controller, actions } = renderRoom(<RoomPage {...pageProps} />, {
      seed: (seed) => seedJoined(seed, self, others(29)),
    });
    expect(hiddenPeers(controller)).toEqual(['peer-26', 'peer-27', 'peer-28', 'peer-29', 'peer-30']);

    // Someone on the first page leaves: peer-26 moves up onto it.
    act(() => actions.removePeer('peer-3'));
    expect(shownPeers(controller)).toContain('peer-26');
    expect(hiddenPeers(controller)).toEqual(['peer-27', 'peer-28', 'peer-29', 'peer-30']);
    expect(lastReports(controller).has('webcam:peer-3')).toBe(false);

    // Someone on the second page leaves: their report goes with them.
    act(() => actions.removePeer('peer-30'));
    expect(hiddenPeers(controller)).toEqual(['peer-27', 'peer-28', 'peer-29']);
    expect(lastReports(controller).has('webcam:peer-30')).toBe(false);

    // The speaker view mounts everyone (the filmstrip scrolls instead of paging).
    act(() => actions.setLayout('speaker'));
    expect(hiddenPeers(controller)).toEqual([]);
    expect(shownPeers(controller)).toHaveLength(27);
  });

  it('reports a tile scrolled out of sight as hidden, and withdraws its report when it goes away', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const { controller, unmount } = renderRoom(<ParticipantTile peerId="peer-2" size="filmstrip" />, {
      seed: (actions) => seedJoined(actions, self, others(1)),
    });
    expect(controller.setTileVisible).toHaveBeenLastCalledWith('peer-2', 'webcam', true);
    const [observer] = FakeIntersectionObserver.instances;
    expect(observer?.targets).toEqual([screen.getByTestId('participant-tile')]);

    act(() => observer?.report(false));
    expect(controller.setTileVisible).toHaveBeenLastCalledWith('peer-2', 'webcam', false);
    act(() => observer?.report(true));
    expect(controller.setTileVisible).toHaveBeenLastCalledWith('peer-2', 'webcam', true);

    act(() => observer?.report(false));
    unmount();
    expect(observer?.isDisconnected).toBe(true);
    // Not "hidden": whoever shows peer-2 next reports for them, and their next video is not held back.
    expect(controller.forgetTile).toHaveBeenLastCalledWith('peer-2', 'webcam');
    expect(lastReports(controller).has('webcam:peer-2')).toBe(false);
  });

  it('reports a shared screen on the stage, and every tile in the filmstrip beside it', () => {
    const { controller } = renderRoom(<RoomPage {...pageProps} />, {
      seed: (actions) => {
        seedJoined(actions, self, others(2));
        actions.addConsumer(
          consumerFixture('s1', 'peer-3', { producerId: 'p9', source: 'screen', isPausedByUs: true }),
        );
      },
    });
    expect(shownPeers(controller, 'screen')).toEqual(['peer-3']);
    expect(shownPeers(controller).sort()).toEqual(['peer-2', 'peer-3']);
  });
});
