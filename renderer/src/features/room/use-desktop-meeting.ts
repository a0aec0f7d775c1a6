import type { ChatMessage, DesktopBridge, MeetingPresence, SynthesisAlert } from '@meetai/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { getBridge, isDesktopApp } from '../../bridge/get-bridge';
import { createLogger } from '../../lib/logger';
import type { RoomController } from '../../room/room-controller';
import { selectIsMuted } from '../../room/room-selectors';
import type { RoomState, RoomUiActions } from '../../room/room-store';

const log = createLogger('desktop-meeting');

/** Chat lines are short; a notification shows the start of a long one. */
const NOTIFICATION_BODY_MAX = 300;

export interface DesktopMeetingDeps {
  bridge: DesktopBridge;
  meetingId: number;
  title: string | null;
  store: StoreApi<RoomState>;
  controller: Pick<RoomController, 'muteMic' | 'unmuteMic' | 'leave'>;
  ui: Pick<RoomUiActions, 'togglePanel'>;
  /** A raised synthetic-voice alert in words, for its notification. */
  voiceAlertText(alert: SynthesisAlert): { title: string; body: string };
}

function presenceOf(state: RoomState, meetingId: number, title: string | null): MeetingPresence {
  const isIn =
    state.self !== null && (state.connectionState === 'connected' || state.connectionState === 'reconnecting');
  return isIn ? { meeting_id: meetingId, title, is_muted: selectIsMuted(state) } : null;
}

function report(what: string): (error: unknown) => void {
  return (error) => log.warn(`${what} failed`, error);
}

/**
 * What the desktop shell needs from a meeting, and what it may ask of it: the
 * meeting we are in (tray, power-save blocker), the unread chat count (badge),
 * a notification per chat line from someone else (main shows it only while
 * the window is unfocused) and per newly raised synthetic-voice alert (always),
 * the tray's mute/unmute/leave, and a notification click asking for the chat.
 * Returns the function that stops it all.
 */
export function connectDesktopMeeting({
  bridge,
  meetingId,
  title,
  store,
  controller,
  ui,
  voiceAlertText,
}: DesktopMeetingDeps): () => void {
  let presenceKey = '';
  let unread = -1;
  const sync = (state: RoomState, previous: RoomState | null) => {
    const presence = presenceOf(state, meetingId, title);
    const key = JSON.stringify(presence);
    if (key !== presenceKey) {
      presenceKey = key;
      bridge.meetingSetPresence(presence).catch(report('meeting:setPresence'));
    }
    if (state.unreadChatCount !== unread) {
      unread = state.unreadChatCount;
      bridge.appSetUnreadCount(unread).catch(report('app:setUnreadCount'));
    }
    // Lines that arrive once we are in: the history a join brings along is not news.
    if (previous?.self && state.chat !== previous.chat) {
      const seen = new Set(previous.chat.map((message) => message.id));
      for (const message of state.chat) {
        if (!seen.has(message.id) && message.userId !== state.self?.userId) notifyChat(message);
      }
    }
    // The store keeps raised alerts only: one that was not there before has just been raised.
    if (previous && state.synthesisAlerts !== previous.synthesisAlerts) {
      for (const alert of Object.values(state.synthesisAlerts)) {
        if (!previous.synthesisAlerts[alert.peerId]) notifyVoiceAlert(alert);
      }
    }
  };
  const notifyVoiceAlert = (alert: SynthesisAlert) => {
    const { title: alertTitle, body } = voiceAlertText(alert);
    bridge
      .notificationShow({
        kind: 'voice-alert',
        title: alertTitle.slice(0, 200),
        body: body.slice(0, 1000),
        target: { view: 'room', meeting_id: meetingId },
      })
      .catch(report('notification:show'));
  };
  const notifyChat = (message: ChatMessage) => {
    bridge
      .notificationShow({
        kind: 'chat',
        title: message.displayName.slice(0, 200) || '—',
        body: message.text.slice(0, NOTIFICATION_BODY_MAX),
        target: { view: 'room', meeting_id: meetingId, panel: 'chat' },
      })
      .catch(report('notification:show'));
  };

  sync(store.getState(), null);
  const unsubscribeStore = store.subscribe(sync);
  const unsubscribeCommands = bridge.on('meeting:command', ({ command }) => {
    log.info(`meeting:command | ${command}`);
    const run =
      command === 'mute' ? controller.muteMic : command === 'unmute' ? controller.unmuteMic : controller.leave;
    run.call(controller).catch(report(`meeting:command ${command}`));
  });
  const unsubscribeNavigate = bridge.on('app:navigate', (view) => {
    if (view.view === 'room' && view.meeting_id === meetingId && view.panel === 'chat') {
      if (store.getState().panel !== 'chat') ui.togglePanel('chat');
    }
  });

  return () => {
    unsubscribeStore();
    unsubscribeCommands();
    unsubscribeNavigate();
    bridge.meetingSetPresence(null).catch(report('meeting:setPresence'));
  };
}

/** connectDesktopMeeting for as long as the room shows `meetingId`; nothing in a browser. */
export function useDesktopMeeting(deps: Omit<DesktopMeetingDeps, 'bridge' | 'voiceAlertText'> | null): void {
  const { t } = useTranslation('room');
  const { meetingId, title, store, controller, ui } = deps ?? {};
  useEffect(() => {
    if (!isDesktopApp() || meetingId === undefined || !store || !controller || !ui) return;
    return connectDesktopMeeting({
      bridge: getBridge(),
      meetingId,
      title: title ?? null,
      store,
      controller,
      ui,
      voiceAlertText: (alert) => ({
        title: t('desktopNotifications.voiceAlertTitle', { name: alert.displayName }),
        body: t('desktopNotifications.voiceAlertBody', {
          flagged: alert.flaggedUtterances,
          utterances: alert.utterances,
          score: Math.round(alert.score * 100),
        }),
      }),
    });
  }, [meetingId, title, store, controller, ui, t]);
}
