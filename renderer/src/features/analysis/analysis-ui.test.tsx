import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PeerInfo, SpeakerEmotion, SynthesisAlert } from '@meetai/shared';
import { dispatchNotification } from '../../room/handlers';
import type { RoomHandlerContext } from '../../room/handlers';
import { createRoomStore } from '../../room/room-store';
import { NoticeToasts } from '../room/components/NoticeToasts';
import { ParticipantTile } from '../room/components/ParticipantTile';
import { TranscriptPanel } from '../room/components/TranscriptPanel';
import { renderRoom, seedJoined } from '../room/testing/render-room';
import { connectSynthesisNotifications } from './synthesis-notifications';

const peer = (peerId: string, displayName: string, role: 'host' | 'participant' = 'participant'): PeerInfo => ({
  peerId,
  userId: peerId === 'p-1' ? 1 : 2,
  displayName,
  role,
  state: { isMuted: false, isCameraOff: true, isHandRaised: false },
  producers: [],
  joinedAt: '2026-11-30T10:00:00.000Z',
});
const SELF = peer('p-1', 'Ada', 'host');
const BO = peer('p-2', 'Bo');

const EMOTION: SpeakerEmotion = {
  peerId: 'p-2',
  userId: 2,
  displayName: 'Bo',
  utterances: 3,
  estimate: {
    emotion: 'joy',
    confidence: 0.62,
    emotions: { joy: 0.62, anger: 0, sadness: 0.05, fear: 0.03, surprise: 0.1, neutral: 0.2 },
    valence: 0.5,
    arousal: 0.7,
    signals: ['words', 'voice'],
    method: 'VADER lexicon + keyword map (en); voice pitch',
  },
};
const ALERT: SynthesisAlert = {
  peerId: 'p-2',
  userId: 2,
  displayName: 'Bo',
  state: 'raised',
  score: 0.83,
  flaggedUtterances: 3,
  utterances: 4,
  label: 'experimental synthetic-voice indicator',
  method: 'voice features and a logistic model',
};

function context(actions: ReturnType<typeof createRoomStore>['actions'], getState: () => never): RoomHandlerContext {
  return {
    actions,
    getState,
    consume: vi.fn(),
    closeConsumer: vi.fn(),
    closePeerConsumers: vi.fn(),
    muteMicForHost: vi.fn(),
    restartRoom: vi.fn(),
    finish: vi.fn(),
  } as unknown as RoomHandlerContext;
}

describe('emotion and synthetic-voice badges on the tile', () => {
  it('shows the emotion with emoji and word, and the method and confidence in its tooltip', () => {
    const { actions } = renderRoom(<ParticipantTile peerId="p-2" />, {
      seed: (a) => {
        seedJoined(a, SELF, [BO]);
        a.setSpeakerEmotion(EMOTION);
      },
    });
    const badge = screen.getByTestId('tile-emotion');
    expect(badge.textContent).toMatch(/😊\s*Joy/);
    expect(badge.getAttribute('title')).toMatch(/62%.*3 utterance.*the words \+ the voice's pitch.*VADER/);
    expect(screen.queryByTestId('tile-synthesis-alert')).toBeNull();
    act(() => void actions.setSynthesisAlert(ALERT));
    expect(screen.getByTestId('tile-synthesis-alert').getAttribute('title')).toMatch(
      /Experimental.*3 of 4.*0\.83.*logistic/,
    );
    act(() => void actions.setSynthesisAlert({ ...ALERT, state: 'cleared' }));
    expect(screen.queryByTestId('tile-synthesis-alert')).toBeNull();
  });

  it('turns a raised alert into a toast naming the speaker, once', () => {
    const { store, actions } = renderRoom(<NoticeToasts />, { seed: (a) => seedJoined(a, SELF, [BO]) });
    const ctx = context(actions, store.getState as never);
    act(() => void dispatchNotification(ctx, { type: 'synthesisAlert', data: { alert: ALERT } }));
    act(() => void dispatchNotification(ctx, { type: 'synthesisAlert', data: { alert: { ...ALERT, score: 0.9 } } }));
    const toasts = screen.getAllByTestId('room-notice');
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.textContent).toMatch(/Experimental indicator: Bo's voice may be synthetic/);
  });

  it('forgets emotions and alerts when the host switches analysis off', () => {
    const { store, actions } = createRoomStore();
    actions.setSpeakerEmotion(EMOTION);
    actions.setSynthesisAlert(ALERT);
    actions.setAnalysisStatus({ emotion: false, synthesis: false, emotionMethod: 'x', synthesisMethod: 'y' });
    expect(store.getState().speakerEmotions).toEqual({});
    expect(store.getState().synthesisAlerts).toEqual({});
  });
});

describe('desktop notifications of alerts', () => {
  it('shows one per newly raised alert, none for updates or clears', () => {
    const { store, actions } = createRoomStore();
    const show = vi.fn();
    const stop = connectSynthesisNotifications(store, show, (alert) => ({ title: alert.displayName, body: 'b' }));
    actions.setSynthesisAlert(ALERT);
    actions.setSynthesisAlert({ ...ALERT, score: 0.95 });
    actions.setSynthesisAlert({ ...ALERT, state: 'cleared' });
    stop();
    actions.setSynthesisAlert(ALERT);
    expect(show).toHaveBeenCalledExactlyOnceWith({ title: 'Bo', body: 'b' });
  });
});

describe("the host's analysis switches", () => {
  it('are shown to the host with the methods, and ask the controller', () => {
    const { controller } = renderRoom(<TranscriptPanel />, {
      seed: (a) => {
        seedJoined(a, SELF, [BO]);
        a.setCaptionsStatus({
          enabled: true,
          state: 'active',
          reason: null,
          engine: 'pocketsphinx',
          model: 'en-us',
          languages: ['en'],
          language: 'auto',
        });
        a.setAnalysisStatus({ emotion: true, synthesis: true, emotionMethod: 'words', synthesisMethod: 'features' });
      },
    });
    fireEvent.click(screen.getByTestId('analysis-synthesis-toggle'));
    expect(controller.setAnalysis).toHaveBeenCalledWith({ synthesis: false });
  });
});
