import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { peerFixture, consumerFixture } from '../../../room/testing/fake-server';
import { fakeTrack } from '../../../room/testing/fake-track';
import { TrackRegistry } from '../../../room/track-registry';
import { fakeController, renderRoom, seedJoined } from '../testing/render-room';
import { ParticipantTile } from './ParticipantTile';
import { VideoGrid, gridShape } from './VideoGrid';

const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin' });
const others = (count: number) =>
  Array.from({ length: count }, (_, i) => peerFixture(`peer-${i + 2}`, { displayName: `Guest ${i + 2}` }));

describe('VideoGrid', () => {
  it.each([1, 2, 4, 9, 25])('shows %i tiles on one page, self first', (count) => {
    renderRoom(<VideoGrid />, { seed: (actions) => seedJoined(actions, self, others(count - 1)) });
    const tiles = screen.getAllByTestId('participant-tile');
    expect(tiles).toHaveLength(count);
    expect(tiles[0]?.getAttribute('data-self')).toBe('true');
    expect(tiles[0]?.getAttribute('data-peer-id')).toBe('peer-self');
    expect(screen.queryByTestId('grid-page')).toBeNull();
  });

  it('pages beyond 25 tiles', () => {
    renderRoom(<VideoGrid />, { seed: (actions) => seedJoined(actions, self, others(29)) });
    expect(screen.getAllByTestId('participant-tile')).toHaveLength(25);
    expect(screen.getByTestId('grid-page').textContent).toContain('Page 1 of 2');
    expect((screen.getByTestId('grid-previous') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('grid-next'));
    const tiles = screen.getAllByTestId('participant-tile');
    expect(tiles).toHaveLength(5);
    expect(tiles[0]?.getAttribute('data-peer-id')).toBe('peer-26');
    expect((screen.getByTestId('grid-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('lays tiles out as square as the count allows before the area is measured', () => {
    expect(gridShape(1)).toEqual({ columns: 1, rows: 1, tileWidth: null });
    expect(gridShape(2)).toEqual({ columns: 2, rows: 1, tileWidth: null });
    expect(gridShape(5)).toEqual({ columns: 3, rows: 2, tileWidth: null });
    expect(gridShape(25)).toEqual({ columns: 5, rows: 5, tileWidth: null });
  });

  it('picks the columns that give 16:9 tiles the most room in the measured area', () => {
    // Wide and short: two people side by side.
    expect(gridShape(2, 1264, 668, 8)).toMatchObject({ columns: 2, rows: 1, tileWidth: 628 });
    // Tall and narrow: stacked.
    expect(gridShape(2, 400, 700, 8)).toMatchObject({ columns: 1, rows: 2, tileWidth: 400 });
    expect(gridShape(25, 1264, 668, 8).columns * gridShape(25, 1264, 668, 8).rows).toBeGreaterThanOrEqual(25);
  });
});

describe('ParticipantTile', () => {
  it('marks a muted peer with the camera off and shows their initial', () => {
    renderRoom(<ParticipantTile peerId="peer-2" />, {
      seed: (actions) =>
        seedJoined(actions, self, [
          peerFixture('peer-2', {
            displayName: 'wang',
            state: { isMuted: true, isCameraOff: true, isHandRaised: true },
          }),
        ]),
    });
    const tile = screen.getByTestId('participant-tile');
    expect(tile?.getAttribute('data-muted')).toBe('true');
    expect(tile?.getAttribute('data-camera-off')).toBe('true');
    expect(within(tile).getByTestId('tile-muted').textContent).toContain('Microphone off');
    expect(within(tile).getByTestId('tile-hand')).toBeTruthy();
    expect(within(tile).getByText('W')).toBeTruthy();
    expect(within(tile).queryByTestId('tile-video')).toBeNull();
  });

  it('plays a remote camera unmirrored and our own mirrored', () => {
    const remote = fakeTrack('video');
    const local = fakeTrack('video');
    const controller = fakeController({ 'consumer-1': remote }, { webcam: local });
    renderRoom(
      <>
        <ParticipantTile peerId="peer-self" />
        <ParticipantTile peerId="peer-2" />
      </>,
      {
        controller,
        seed: (actions) => {
          seedJoined(
            actions,
            { ...self, state: { isMuted: false, isCameraOff: false, isHandRaised: false } },
            others(1),
          );
          actions.addConsumer(consumerFixture('consumer-1', 'peer-2', { producerId: 'p1' }));
          actions.setActiveSpeaker('peer-2');
        },
      },
    );
    const [mine, theirs] = screen.getAllByTestId('participant-tile');
    expect(within(mine!).getByTestId('tile-video').getAttribute('data-mirrored')).toBe('true');
    expect(within(mine!).getByTestId('tile-video').getAttribute('data-track-id')).toBe(local.id);
    expect(within(theirs!).getByTestId('tile-video').getAttribute('data-mirrored')).toBe('false');
    expect(within(theirs!).getByTestId('tile-video').getAttribute('data-track-id')).toBe(remote.id);
    expect(theirs?.getAttribute('data-speaking')).toBe('true');
    expect(theirs?.getAttribute('data-camera-off')).toBe('false');
    expect(mine?.textContent).toContain('Mei Lin (you)');
  });

  it('shows a remote camera as soon as its track arrives', () => {
    const registry = new TrackRegistry();
    const controller = fakeController();
    controller.subscribeTracks.mockImplementation(registry.subscribe);
    controller.getTrack.mockImplementation((id: string) => registry.getRemote(id));
    renderRoom(<ParticipantTile peerId="peer-2" />, {
      controller,
      seed: (actions) => {
        seedJoined(actions, self, others(1));
        actions.addConsumer(consumerFixture('consumer-1', 'peer-2', { producerId: 'p1' }));
      },
    });
    expect(screen.queryByTestId('tile-video')).toBeNull();
    const track = fakeTrack('video');
    act(() => registry.setRemote('consumer-1', track));
    expect(screen.getByTestId('tile-video').getAttribute('data-track-id')).toBe(track.id);
    act(() => registry.deleteRemote('consumer-1'));
    expect(screen.queryByTestId('tile-video')).toBeNull();
  });

  it('shows the connection quality measured for the peer', () => {
    renderRoom(<ParticipantTile peerId="peer-2" />, {
      seed: (actions) => {
        seedJoined(actions, self, others(1));
        actions.setQuality({ 'peer-2': { level: 'poor', rttMs: 620, lossPercent: 12.4, jitterMs: 80 } });
      },
    });
    const indicator = screen.getByTestId('quality-indicator');
    expect(indicator?.getAttribute('data-level')).toBe('poor');
    expect(indicator?.getAttribute('aria-label')).toBe(
      'Poor connection: Round trip 620 ms, packet loss 12%, jitter 80 ms',
    );
  });
});
