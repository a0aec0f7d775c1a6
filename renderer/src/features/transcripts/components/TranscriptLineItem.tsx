import type { TranscriptLine } from '@meetai/shared';
import { useTranslation } from 'react-i18next';
import { confidencePercent, engineName, isForeignLanguage, primaryLanguage } from '../../../lib/caption-labels';
import { formatDateTime, formatElapsed } from '../../../lib/format';
import { LineEmotionTag } from '../../analysis';
import { highlightSegments } from '../highlight';

/** One saved line: offset, speaker, text (search words marked), and what produced it in small print. */
export function TranscriptLineItem({ line, query }: { line: TranscriptLine; query: string }) {
  const { t, i18n } = useTranslation();
  const language = primaryLanguage(line.language);
  return (
    <li
      className="transcript-entry"
      id={`transcript-line-${line.id}`}
      data-testid="transcript-line"
      data-speaker={line.speaker_name}
    >
      <time
        className="transcript-entry__offset"
        dateTime={line.start_at}
        title={t('transcript.offset', {
          time: formatElapsed(line.offset_ms),
          clock: formatDateTime(line.start_at, i18n.language),
        })}
      >
        {formatElapsed(line.offset_ms)}
      </time>
      <div className="transcript-entry__body">
        <div className="transcript-entry__meta">
          <span className="transcript-entry__speaker">{line.speaker_name}</span>
          {isForeignLanguage(line.language, i18n.language) ? (
            <span className="transcript-entry__language">
              {language === 'en' || language === 'zh' ? t(`transcript.languageNames.${language}`) : line.language}
            </span>
          ) : null}
        </div>
        <p className="transcript-entry__text" lang={language}>
          {highlightSegments(line.text, query).map((segment, index) =>
            segment.isMatch ? <mark key={index}>{segment.text}</mark> : segment.text,
          )}
        </p>
        <p className="transcript-entry__details">
          {t('transcript.details', {
            engine: engineName(line.engine),
            model: line.model,
            confidence: confidencePercent(line.confidence),
          })}
          {line.emotion ? (
            <>
              {' · '}
              <LineEmotionTag emotion={line.emotion} />
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}
