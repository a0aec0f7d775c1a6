import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { ApiError } from '../../../lib/api-error';
import { engineName } from '../../../lib/caption-labels';
import { EmptyState, ErrorNotice, LoadingBlock, Notice } from '../../../ui/Feedback';
import { Icon } from '../../../ui/Icon';
import { MeetingSummaryCard } from '../../analysis';
import { parseMeetingId, useMeeting } from '../../meetings';
import { SEARCH_DEBOUNCE_MS, useAiInfo, useDebouncedValue, useTranscript } from '../hooks';
import { ExportButtons } from './ExportButtons';
import { TranscriptLineItem } from './TranscriptLineItem';
import '../transcripts.css';

const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Which engine makes captions on this server, as a footnote: every AI output says what produced it. */
function AiInfoNote() {
  const { t } = useTranslation();
  const info = useAiInfo();
  if (!info) return null;
  const asr = info.asr;
  return (
    <p className="transcript-page__ai muted" data-testid="transcript-ai-info">
      {asr
        ? t('transcript.aiInfo', {
            engine: engineName(asr.engine),
            model: asr.model,
            languages: asr.languages.map((code) => t(`transcript.languageNames.${code}`)).join(', '),
          })
        : t('transcript.aiOff')}
    </p>
  );
}

/** `#/meetings/:id/transcript`: the saved transcript of a meeting, searched on the server, exported as files. */
export function TranscriptPage() {
  const { t } = useTranslation();
  const id = parseMeetingId(useParams().id);
  const { meeting } = useMeeting(id);
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query, SEARCH_DEBOUNCE_MS).trim();
  const transcript = useTranscript(id, search);

  if (id === null) {
    return <ErrorNotice error={new ApiError('MEETING_NOT_FOUND', 404, 'No such meeting')} testId="transcript-error" />;
  }
  const forbidden = isForbidden(transcript.error);

  return (
    <div className="page transcript-page" data-testid="transcript-page" data-meeting-id={id}>
      <header className="transcript-page__header">
        <Link to={`/meetings/${id}`} className="muted" data-testid="transcript-back">
          ← {meeting?.title ?? t('transcript.back')}
        </Link>
        <h1>{t('transcript.title')}</h1>
        <p className="muted">{t('transcript.subtitle')}</p>
      </header>

      {forbidden ? null : <MeetingSummaryCard meetingId={id} />}
      {forbidden ? (
        <Notice tone="error" testId="transcript-forbidden">
          {t('transcript.forbidden')}
        </Notice>
      ) : (
        <section className="card transcript-page__card" aria-label={t('transcript.lines')}>
          <div className="transcript-page__toolbar">
            <label className="transcript-page__search">
              <Icon name="search" size={18} />
              <span className="visually-hidden">{t('transcript.search')}</span>
              <input
                type="search"
                className="input"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder={t('transcript.searchPlaceholder')}
                data-testid="transcript-page-search"
              />
            </label>
            <ExportButtons meetingId={id} />
          </div>
          <TranscriptBody search={search} transcript={transcript} />
        </section>
      )}
      <AiInfoNote />
    </div>
  );
}

function TranscriptBody({ search, transcript }: { search: string; transcript: ReturnType<typeof useTranscript> }) {
  const { t } = useTranslation();
  if (transcript.status === 'loading')
    return <LoadingBlock label={t('transcript.loading')} testId="transcript-loading" />;
  if (transcript.status === 'error') {
    return (
      <Notice tone="error" onRetry={transcript.reload} testId="transcript-error">
        {errorMessage(t, transcript.error)}
      </Notice>
    );
  }
  if (transcript.total === 0) {
    return search ? (
      <EmptyState
        icon="search"
        title={t('transcript.noMatchesTitle')}
        body={t('transcript.noMatchesBody', { query: search })}
        testId="transcript-no-matches"
      />
    ) : (
      <EmptyState
        icon="transcript"
        title={t('transcript.emptyTitle')}
        body={t('transcript.emptyBody')}
        testId="transcript-empty"
      />
    );
  }
  return (
    <>
      <p className="transcript-page__count muted" data-testid="transcript-count" role="status">
        {search
          ? t('transcript.matches', { count: transcript.total, query: search })
          : t('transcript.count', { count: transcript.total })}
      </p>
      <ol className="transcript-entries">
        {transcript.lines.map((line) => (
          <TranscriptLineItem key={line.id} line={line} query={search} />
        ))}
      </ol>
      {transcript.error ? <ErrorNotice error={transcript.error} testId="transcript-more-error" /> : null}
      {transcript.hasMore ? (
        <button
          type="button"
          className="button transcript-page__more"
          onClick={transcript.loadMore}
          disabled={transcript.isLoadingMore}
          data-testid="transcript-load-more"
        >
          {t('transcript.loadMore')}
        </button>
      ) : null}
    </>
  );
}
