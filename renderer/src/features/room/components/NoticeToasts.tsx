import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../room/room-store';
import { useRoomState, useRoomUi } from '../hooks';
import { Icon } from '../../../ui/Icon';
import { ANALYSIS_NAMESPACE } from '../../analysis';

const VISIBLE_MS = 6000;
/** Notices whose words live in the analysis feature's namespace; a synthetic-voice alert stays longer. */
const ANALYSIS_NOTICES: Partial<Record<Notice['key'], { key: string; visibleMs: number }>> = {
  synthesisAlert: { key: 'synthesis.toast', visibleMs: 15_000 },
  analysisFailed: { key: 'host.failed', visibleMs: VISIBLE_MS },
};

function Toast({ notice }: { notice: Notice }) {
  const { t } = useTranslation(['room', ANALYSIS_NAMESPACE]);
  const ui = useRoomUi();
  const analysisNotice = ANALYSIS_NOTICES[notice.key];
  useEffect(() => {
    const timer = setTimeout(() => ui.dismissNotice(notice.id), analysisNotice?.visibleMs ?? VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice.id, ui, analysisNotice]);
  const text = analysisNotice
    ? t(analysisNotice.key, { ...notice.params, ns: ANALYSIS_NAMESPACE })
    : notice.key === 'mutedByHost' && !notice.params.name
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
