import { useTranslation } from 'react-i18next';
import { selectCaptionsStatus } from '../../../room/room-selectors';
import { engineName } from '../../../lib/caption-labels';
import { Icon } from '../../../ui/Icon';
import { useRoomState } from '../hooks';

/**
 * While the meeting's captions are on (even paused or late), everyone sees
 * that their speech is transcribed on this server, whether or not they show captions.
 */
export function CaptionsPrivacy() {
  const { t } = useTranslation('room');
  const status = useRoomState(selectCaptionsStatus);
  if (!status?.enabled || status.state === 'off' || status.state === 'unavailable') return null;
  const detail = t('captions.privacyDetail', {
    engine: status.engine ? engineName(status.engine) : '—',
    model: status.model ?? '—',
  });
  return (
    <span className="captions-privacy" title={detail} data-testid="captions-privacy">
      <Icon name="captions" size={16} />
      {t('captions.privacy')}
      <span className="visually-hidden">{detail}</span>
    </span>
  );
}
