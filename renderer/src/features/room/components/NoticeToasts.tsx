import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../room/room-store';
import { useRoomState, useRoomUi } from '../hooks';
import { Icon } from '../../../ui/Icon';

const VISIBLE_MS = 6000;

function Toast({ notice }: { notice: Notice }) {
  const { t } = useTranslation('room');
  const ui = useRoomUi();
  useEffect(() => {
    const timer = setTimeout(() => ui.dismissNotice(notice.id), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice.id, ui]);
  const text =
    notice.key === 'mutedByHost' && !notice.params.name
      ? t('notices.mutedByHostUnnamed')
      : t(`notices.${notice.key}`, notice.params);
  return (
    <li className="toast" data-testid="room-notice" data-key={notice.key}>
      <span>{text}</span>
      <button
        type="button"
        className="button button--ghost button--icon"
        onClick={() => ui.dismissNotice(notice.id)}
        aria-label={t('notices.dismiss')}
      >
        <Icon name="close" size={16} />
      </button>
    </li>
  );
}

/** Short messages about what just happened (muted by the host, reconnected, a device failed). */
export function NoticeToasts() {
  const notices = useRoomState((s) => s.notices);
  if (!notices.length) return null;
  return (
    <ul className="toasts" role="status" aria-live="polite">
      {notices.map((notice) => (
        <Toast key={notice.id} notice={notice} />
      ))}
    </ul>
  );
}
