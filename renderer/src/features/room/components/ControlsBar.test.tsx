import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { peerFixture } from '../../../room/testing/fake-server';
import { renderRoom, seedJoined } from '../testing/render-room';
import { ChatPanel } from './ChatPanel';
import { ControlsBar } from './ControlsBar';
import { ParticipantsPanel } from './ParticipantsPanel';

const live = { isMuted: false, isCameraOff: false, isHandRaised: false };
const self = peerFixture('peer-self', { userId: 7, displayName: 'Mei Lin', state: live });
const guest = peerFixture('peer-2', { userId: 9, displayName: 'Wang Fang' });

describe('ControlsBar', () => {
  it('turns our own media and hand into intents on the room client', () => {
    const { controller } = renderRoom(<ControlsBar />, { seed: (actions) => seedJoined(actions, self, []) });
    fireEvent.click(screen.getByTestId('toggle-mic'));
    fireEvent.click(screen.getByTestId('toggle-camera'));
    fireEvent.click(screen.getByTestId('toggle-screen'));
    fireEvent.click(screen.getByTestId('raise-hand'));
    fireEvent.click(screen.getByTestId('leave-button'));
    expect(controller.muteMic).toHaveBeenCalled();
    expect(controller.disableWebcam).toHaveBeenCalled();
    expect(controller.startScreenShare).toHaveBeenCalled();
    expect(controller.raiseHand).toHaveBeenCalled();
    expect(controller.leave).toHaveBeenCalled();
  });

  it('offers unmute and start video when they are off', () => {
    const { controller } = renderRoom(<ControlsBar />, {
      seed: (actions) =>
        seedJoined(actions, { ...self, state: { isMuted: true, isCameraOff: true, isHandRaised: false } }, []),
    });
    expect(screen.getByTestId('toggle-mic').textContent).toContain('Unmute');
    fireEvent.click(screen.getByTestId('toggle-mic'));
    fireEvent.click(screen.getByTestId('toggle-camera'));
    expect(controller.unmuteMic).toHaveBeenCalled();
    expect(controller.enableWebcam).toHaveBeenCalled();
  });

  it('badges unread chat until the chat opens', () => {
    const { actions } = renderRoom(<ControlsBar />, { seed: (a) => seedJoined(a, self, [guest]) });
    expect(screen.queryByTestId('chat-unread')).toBeNull();
    act(() => {
      actions.addChatMessage({
        id: 'm1',
        meetingId: 42,
        userId: 9,
        displayName: 'Wang Fang',
        text: 'hi',
        sentAt: '2030-03-02T09:01:00Z',
      });
      actions.addChatMessage({
        id: 'm2',
        meetingId: 42,
        userId: 9,
        displayName: 'Wang Fang',
        text: 'hello?',
        sentAt: '2030-03-02T09:02:00Z',
      });
    });
    expect(screen.getByTestId('chat-unread').textContent).toBe('2');
    fireEvent.click(screen.getByTestId('chat-toggle'));
    expect(screen.queryByTestId('chat-unread')).toBeNull();
  });

  it('switches devices from the device menu', () => {
    const { controller } = renderRoom(<ControlsBar />, {
      seed: (actions) => {
        seedJoined(actions, self, []);
        actions.setDevices([
          { deviceId: 'cam-1', kind: 'videoinput', label: 'Front' },
          { deviceId: 'cam-2', kind: 'videoinput', label: 'USB' },
        ]);
        actions.setSelectedDevices({ cameraDeviceId: 'cam-1' });
      },
    });
    fireEvent.click(screen.getByTestId('device-menu-toggle'));
    fireEvent.change(screen.getByTestId('room-camera-select'), { target: { value: 'cam-2' } });
    expect(controller.switchCamera).toHaveBeenCalledWith('cam-2');
  });
});

describe('ChatPanel', () => {
  it('lists the history and sends what was typed', async () => {
    const { controller } = renderRoom(<ChatPanel />, {
      seed: (actions) => {
        seedJoined(actions, self, [guest]);
        actions.addChatMessage({
          id: 'm1',
          meetingId: 42,
          userId: 9,
          displayName: 'Wang Fang',
          text: '大家好',
          sentAt: '2030-03-02T09:01:00Z',
        });
      },
    });
    expect(screen.getAllByTestId('chat-message')).toHaveLength(1);
    expect(screen.getByTestId('chat-message').textContent).toContain('大家好');
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: '  good morning ' } });
    fireEvent.click(screen.getByTestId('chat-send'));
    await screen.findByDisplayValue('');
    expect(controller.sendChat).toHaveBeenCalledWith('good morning');
  });
});

describe('ParticipantsPanel', () => {
  it('gives the host mute and remove for others, and asks before removing', () => {
    const { controller } = renderRoom(<ParticipantsPanel />, {
      seed: (actions) => seedJoined(actions, { ...self, role: 'host' }, [guest]),
    });
    const rows = screen.getAllByTestId('participant-row');
    expect(rows.map((row) => row.getAttribute('data-peer-id'))).toEqual(['peer-self', 'peer-2']);
    expect(within(rows[0]!).queryByTestId('host-mute')).toBeNull();

    fireEvent.click(within(rows[1]!).getByTestId('host-mute'));
    expect(controller.muteParticipant).toHaveBeenCalledWith('peer-2');
    fireEvent.click(within(rows[1]!).getByTestId('host-remove'));
    expect(controller.removeParticipant).not.toHaveBeenCalled();
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Remove Wang Fang?');
    fireEvent.click(screen.getByTestId('confirm-accept'));
    expect(controller.removeParticipant).toHaveBeenCalledWith('peer-2');
  });

  it('locks the meeting and ends it for all only after confirmation', () => {
    const { controller } = renderRoom(<ParticipantsPanel />, {
      seed: (actions) => seedJoined(actions, { ...self, role: 'host' }, [guest]),
    });
    fireEvent.click(screen.getByTestId('lock-meeting'));
    expect(controller.lockMeeting).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByTestId('end-meeting'));
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(controller.endMeeting).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('end-meeting'));
    fireEvent.click(screen.getByTestId('confirm-accept'));
    expect(controller.endMeeting).toHaveBeenCalledTimes(1);
  });

  it('shows no host controls to a participant', () => {
    renderRoom(<ParticipantsPanel />, { seed: (actions) => seedJoined(actions, self, [guest]) });
    expect(screen.queryByTestId('host-mute')).toBeNull();
    expect(screen.queryByTestId('lock-meeting')).toBeNull();
    expect(screen.queryByTestId('end-meeting')).toBeNull();
  });
});
