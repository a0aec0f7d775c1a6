import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { peerFixture, consumerFixture } from '../../../room/testing/fake-server';
import { renderRoom, seedJoined } from '../testing/render-room';
import { ReconnectBanner } from './ReconnectBanner';
import { RoomPage } from './RoomPage';

const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin' });
const pageProps = { title: 'Weekly sync', startedAt: null, speakerId: null, onExit: vi.fn(), onReturnToLobby: vi.fn() };

afterEach(() => {
  vi.useRealTimers();
});

describe('ReconnectBanner', () => {
  it('says it is reconnecting while the connection is being restored', () => {
    renderRoom(<ReconnectBanner />, {
      seed: (actions) => {
        seedJoined(actions, self, []);
        actions.setConnectionState('reconnecting');
      },
    });
    const banner = screen.getByTestId('reconnect-banner');
    expect(banner.getAttribute('data-state')).toBe('reconnecting');
    expect(banner.textContent).toContain('Reconnecting');
  });

  it('offers Rejoin when reconnecting gave up', () => {
    const { controller } = renderRoom(<ReconnectBanner />, {
      seed: (actions) => {
        seedJoined(actions, self, []);
        actions.setFailure({ phase: 'reconnect', code: 'NETWORK_ERROR', message: 'offline' });
      },
    });
    expect(screen.getByTestId('reconnect-banner').getAttribute('data-state')).toBe('failed');
    expect(screen.getByTestId('reconnect-banner').textContent).toContain('Could not reach the server');
    fireEvent.click(screen.getByTestId('rejoin-button'));
    expect(controller.join).toHaveBeenCalledTimes(1);
  });

  it('shows nothing while connected', () => {
    renderRoom(<ReconnectBanner />, { seed: (actions) => seedJoined(actions, self, []) });
    expect(screen.queryByTestId('reconnect-banner')).toBeNull();
  });
});

describe('RoomPage', () => {
  it('renders the room with the grid, controls and a running timer', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2030-03-02T09:04:07.000Z'));
    renderRoom(<RoomPage {...pageProps} startedAt="2030-03-02T09:00:00.000Z" />, {
      seed: (actions) => seedJoined(actions, self, [peerFixture('peer-2')]),
    });
    expect(screen.getByTestId('room-page').getAttribute('data-state')).toBe('connected');
    expect(screen.getAllByTestId('participant-tile')).toHaveLength(2);
    expect(screen.getByTestId('meeting-timer').textContent).toBe('4:07');
    expect(screen.getByText('Weekly sync')).toBeTruthy();
    for (const id of [
      'toggle-mic',
      'toggle-camera',
      'toggle-screen',
      'raise-hand',
      'chat-toggle',
      'participants-toggle',
      'leave-button',
    ]) {
      expect(screen.getByTestId(id)).toBeTruthy();
    }
  });

  it('puts a shared screen on the large stage', () => {
    renderRoom(<RoomPage {...pageProps} />, {
      seed: (actions) => {
        seedJoined(actions, self, [peerFixture('peer-2', { displayName: 'Wang Fang' })]);
        actions.addConsumer(consumerFixture('s1', 'peer-2', { producerId: 'p9', source: 'screen' }));
      },
    });
    expect(screen.getByTestId('screen-share').getAttribute('data-peer-id')).toBe('peer-2');
    expect(screen.getByTestId('screen-share').textContent).toContain('Wang Fang’s screen');
    expect(screen.getByTestId('speaker-layout')).toBeTruthy();
  });

  it('explains a refused join and offers to try again or go back to the lobby', () => {
    const onReturnToLobby = vi.fn();
    const { controller } = renderRoom(<RoomPage {...pageProps} onReturnToLobby={onReturnToLobby} />, {
      seed: (actions) => actions.setFailure({ phase: 'join', code: 'MEETING_LOCKED', message: 'locked' }),
    });
    expect(screen.getByTestId('room-failed').textContent).toContain('The host has locked this meeting.');
    fireEvent.click(screen.getByTestId('rejoin-button'));
    fireEvent.click(screen.getByTestId('back-to-lobby'));
    expect(controller.join).toHaveBeenCalled();
    expect(onReturnToLobby).toHaveBeenCalled();
  });

  it('says why the meeting is over for us', () => {
    const onExit = vi.fn();
    renderRoom(<RoomPage {...pageProps} onExit={onExit} />, {
      seed: (actions) => {
        seedJoined(actions, self, []);
        actions.setClosed('kicked');
      },
    });
    const ended = screen.getByTestId('room-ended');
    expect(ended.getAttribute('data-reason')).toBe('kicked');
    expect(ended.textContent).toContain('The host removed you from the meeting.');
    expect(screen.queryByTestId('rejoin-from-lobby')).toBeNull();
    fireEvent.click(screen.getByTestId('back-to-meetings'));
    expect(onExit).toHaveBeenCalled();
  });
});
