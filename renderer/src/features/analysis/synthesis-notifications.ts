import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import type { SynthesisAlert } from '@meetai/shared';
import { getBridge, isDesktopApp } from '../../bridge/get-bridge';
import { createLogger } from '../../lib/logger';
import type { RoomState } from '../../room/room-store';
import { ANALYSIS_NAMESPACE } from './i18n';

const log = createLogger('synthesis-notifications');

export type ShowNotification = (notification: { title: string; body: string }) => void;

/**
 * A desktop notification for each synthetic-voice alert newly raised in the
 * room (the toast and the tile badge come from the store): through the
 * bridge in the desktop app (main shows voice alerts even while focused), the
 * Notification API in a browser that allowed it, nothing otherwise.
 */
export function connectSynthesisNotifications(
  store: StoreApi<RoomState>,
  show: ShowNotification,
  text: (alert: SynthesisAlert) => { title: string; body: string },
): () => void {
  return store.subscribe((state, previous) => {
    if (state.synthesisAlerts === previous.synthesisAlerts) return;
    for (const [peerId, alert] of Object.entries(state.synthesisAlerts)) {
      if (!previous.synthesisAlerts[peerId]) show(text(alert));
    }
  });
}

/** How this build shows a notification, or null when it cannot. */
export function notificationShower(meetingId: number): ShowNotification | null {
  if (isDesktopApp()) {
    return ({ title, body }) =>
      void getBridge()
        .notificationShow({
          kind: 'voice-alert',
          title: title.slice(0, 200),
          body: body.slice(0, 1000),
          target: { view: 'room', meeting_id: meetingId },
        })
        .catch((error: unknown) => log.warn('notification:show failed', error));
  }
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return null;
  return ({ title, body }) => void new Notification(title, { body, tag: `synthesis-${meetingId}` });
}

export function useSynthesisNotifications(store: StoreApi<RoomState> | null, meetingId: number | null): void {
  const { t } = useTranslation(ANALYSIS_NAMESPACE);
  useEffect(() => {
    if (!store || meetingId === null) return;
    const show = notificationShower(meetingId);
    if (!show) return;
    return connectSynthesisNotifications(store, show, (alert) => ({
      title: t('synthesis.notificationTitle', { name: alert.displayName }),
      body: t('synthesis.notificationBody', { name: alert.displayName, score: alert.score.toFixed(2) }),
    }));
  }, [store, meetingId, t]);
}
