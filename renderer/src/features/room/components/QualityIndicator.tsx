import { useTranslation } from 'react-i18next';
import { selectQuality } from '../../../room/room-selectors';
import { useRoomState } from '../hooks';
import { Icon } from '../../../ui/Icon';

function rounded(value: number | null, notAvailable: string): string {
  return value === null ? notAvailable : String(Math.round(value));
}

/** Signal bars from getStats: level by colour, the numbers in the tooltip. */
export function QualityIndicator({ peerId }: { peerId: string }) {
  const { t } = useTranslation('room');
  const quality = useRoomState(selectQuality(peerId));
  const level = quality?.level ?? 'unknown';
  const na = t('quality.notAvailable');
  const label =
    quality && level !== 'unknown'
      ? `${t(`quality.${level}`)}: ${t('quality.details', {
          rtt: rounded(quality.rttMs, na),
          loss: rounded(quality.lossPercent, na),
          jitter: rounded(quality.jitterMs, na),
        })}`
      : t('quality.unknown');
  return (
    <span
      className={`quality quality--${level}`}
      title={label}
      role="img"
      aria-label={label}
      data-testid="quality-indicator"
      data-level={level}
    >
      <Icon name="signal" size={16} />
    </span>
  );
}
