import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { peerFixture } from '../../../room/testing/fake-server';
import { renderRoom, seedJoined, type FakeController } from '../testing/render-room';
import { ParticipantTile } from './ParticipantTile';
import { RoomPage } from './RoomPage';
import { VideoGrid } from './VideoGrid';

const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin' });
const others = (count: number) => Array.from({ length: count }, (_, i) => peerFixture(`peer-${i + 2}`));

/** What the tiles last told the controller, by `source:peerId`. */
function lastReports(controller: FakeController): Map<string, boolean> {
  const reports = new Map<string, boolean>();
  for (const [peerId, source, isVisible] of controller.setTileVisible.mock.calls) {
    reports.set(`${source}:${peerId}`, isVisible);
  }
  return reports;
}

const shownPeers = (controller: FakeController, source = 'webcam') =>
  [...lastReports(controller)]
    .filter(([key, isVisible]) => isVisible && key.startsWith(`${source}:`))
    .map(([key]) => key.slice(source.length + 1));

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
  it('reports the tiles of the current grid page only, never our own, and follows page changes', () => {
    const { controller } = renderRoom(<VideoGrid />, { seed: (actions) => seedJoined(actions, self, others(29)) });
    const firstPage = others(24).map((peer) => peer.peerId);
    expect(shownPeers(controller).sort()).toEqual([...firstPage].sort());
    expect(lastReports(controller).has('webcam:peer-self')).toBe(false);

    fireEvent.click(screen.getByTestId('grid-next'));
    expect(shownPeers(controller).sort()).toEqual(['peer-26', 'peer-27', 'peer-28', 'peer-29', 'peer-30']);
    for (const peerId of firstPage) expect(lastReports(controller).get(`webcam:${peerId}`)).toBe(false);
  });

  it('reports a tile scrolled out of sight as hidden, and hidden again when it goes away', () => {
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

    unmount();
    expect(observer?.isDisconnected).toBe(true);
    expect(controller.setTileVisible).toHaveBeenLastCalledWith('peer-2', 'webcam', false);
  });

  it('reports a shared screen on the stage, and every tile in the filmstrip beside it', () => {
    const { controller } = renderRoom(
      <RoomPage title="Sync" startedAt={null} speakerId={null} onExit={vi.fn()} onReturnToLobby={vi.fn()} />,
      {
        seed: (actions) => {
          seedJoined(actions, self, others(2));
          actions.addConsumer({
            consumerId: 's1',
            producerId: 'p9',
            peerId: 'peer-3',
            kind: 'video',
            source: 'screen',
            isProducerPaused: false,
            isPausedByUs: true,
            spatialLayer: null,
          });
        },
      },
    );
    expect(shownPeers(controller, 'screen')).toEqual(['peer-3']);
    expect(shownPeers(controller).sort()).toEqual(['peer-2', 'peer-3']);
  });
});
