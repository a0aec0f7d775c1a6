import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaptionLine } from '../../../room/caption-lines';
import { selectCaptionsStatus, selectIsHost, selectOverlayCaptions } from '../../../room/room-selectors';
import { primaryLanguage } from '../../../lib/caption-labels';
import { captionsNoticeKind } from '../captions-notice';
import { useNow, useRoomState } from '../hooks';
import { useCaptionsPreferences } from '../use-captions-preferences';
import { LanguageTag, useLineDetails } from './CaptionLineParts';

function OverlayLine({ line }: { line: CaptionLine }) {
  const { t } = useTranslation('room');
  const details = useLineDetails();
  return (
    <li
      className={`caption-line${line.isFinal ? '' : ' caption-line--interim'}`}
      data-testid="caption-line"
      data-final={String(line.isFinal)}
      data-speaker={line.displayName}
      title={details(line)}
    >
      <span className="caption-line__speaker">{line.displayName}</span>
      <LanguageTag language={line.language} />
      <span className="caption-line__text" lang={primaryLanguage(line.language)}>
        {line.text || t('captions.listening')}
      </span>
    </li>
  );
}

/**
 * Live captions over the bottom of the video: each recent speaker's latest
 * line, still-spoken text greyed, and a notice whenever captions are not
 * flowing (switched off, unavailable, paused, late) saying why.
 */
export function CaptionsOverlay() {
  const { t } = useTranslation('room');
  const { isVisible, size } = useCaptionsPreferences();
  const status = useRoomState(selectCaptionsStatus);
  const isHost = useRoomState(selectIsHost);
  // Finished lines fade after a few seconds, so the clock drives this view too.
  const now = useNow(1000);
  const lines = useRoomState(useShallow(selectOverlayCaptions(now)));
  if (!isVisible) return null;

  const notice = captionsNoticeKind(status, isHost);
  return (
    <section
      className={`captions-overlay captions-overlay--${size}`}
      aria-label={t('captions.overlay')}
      data-testid="captions-overlay"
      data-state={status?.state ?? 'none'}
    >
      {notice ? (
        <p
          className={`captions-notice captions-notice--${notice}`}
          role="status"
          title={status?.reason ?? undefined}
          data-testid="captions-notice"
          data-kind={notice}
        >
          {t(`captions.notice.${notice}`)}
        </p>
      ) : null}
      {lines.length ? (
        <ol className="captions-overlay__lines">
          {lines.map((line) => (
            <OverlayLine key={line.id} line={line} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
