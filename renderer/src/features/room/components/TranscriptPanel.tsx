import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaptionLine } from '../../../room/caption-lines';
import {
  selectCaptionsStatus,
  selectFinalCaptions,
  selectInterimCaptions,
  selectIsHost,
} from '../../../room/room-selectors';
import { engineName, primaryLanguage } from '../../../lib/caption-labels';
import { copyText } from '../../../lib/clipboard';
import { Icon } from '../../../ui/Icon';
import { captionsNoticeKind } from '../captions-notice';
import { formatTime } from '../format';
import { AnalysisHostControls } from '../../analysis';
import { useRoomClient, useRoomState, useRoomUi } from '../hooks';
import { captionsToText, filterCaptions } from '../live-transcript';
import { useFollowScroll } from '../use-follow-scroll';
import { CaptionsHostControls } from './CaptionsHostControls';
import { LanguageTag, useLineDetails } from './CaptionLineParts';

type CopyState = 'idle' | 'copied' | 'failed';

const timeOf = (line: CaptionLine, language: string) => formatTime(new Date(line.startMs).toISOString(), language);

function TranscriptRow({ line }: { line: CaptionLine }) {
  const { t, i18n } = useTranslation('room');
  const details = useLineDetails();
  return (
    <li
      className={`transcript-line${line.isFinal ? '' : ' transcript-line--interim'}`}
      data-testid="transcript-line"
      data-final={String(line.isFinal)}
      data-speaker={line.displayName}
    >
      <div className="chat-message__meta">
        <span className="chat-message__author">{line.displayName}</span>
        <time dateTime={new Date(line.startMs).toISOString()}>{timeOf(line, i18n.language)}</time>
        <LanguageTag language={line.language} />
      </div>
      <p className="transcript-line__text" lang={primaryLanguage(line.language)}>
        {line.text || t('captions.listening')}
      </p>
      <p className="transcript-line__details">{details(line)}</p>
    </li>
  );
}

/** The live transcript: finished lines in order, lines still being spoken below, search, copy, and the host's switch. */
export function TranscriptPanel() {
  const analysisStatus = useRoomState((s) => s.analysisStatus);
  const controller = useRoomClient();
  const { t, i18n } = useTranslation('room');
  const ui = useRoomUi();
  const finals = useRoomState(useShallow(selectFinalCaptions));
  const interims = useRoomState(useShallow(selectInterimCaptions));
  const status = useRoomState(selectCaptionsStatus);
  const isHost = useRoomState(selectIsHost);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const listRef = useRef<HTMLOListElement>(null);
  const titleId = useId();

  const shown = useMemo(
    () => [...filterCaptions(finals, deferredQuery), ...filterCaptions(interims, deferredQuery)],
    [finals, interims, deferredQuery],
  );
  const last = shown.at(-1);
  const follow = useFollowScroll(listRef, `${shown.length}:${last?.id}:${last?.text.length}`);
  const notice = captionsNoticeKind(status, isHost);
  const isStopped = notice !== null && notice !== 'delayed';

  const onCopy = async () => {
    const text = captionsToText(finals, (line) => timeOf(line, i18n.language));
    setCopyState((await copyText(text)) ? 'copied' : 'failed');
  };

  return (
    <aside className="room-panel transcript-panel" aria-labelledby={titleId} data-testid="transcript-panel">
      <header className="room-panel__header">
        <h2 id={titleId}>{t('transcript.title')}</h2>
        <button
          type="button"
          className="button button--ghost button--icon"
          onClick={() => ui.togglePanel('transcript')}
          aria-label={t('transcript.close')}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      {isHost && status ? <CaptionsHostControls status={status} /> : null}
      {isHost && analysisStatus ? (
        <AnalysisHostControls status={analysisStatus} onChange={(change) => controller.setAnalysis(change)} />
      ) : null}
      <div className="transcript-panel__search">
        <Icon name="search" size={16} />
        <input
          type="search"
          className="input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('transcript.searchPlaceholder')}
          aria-label={t('transcript.search')}
          data-testid="transcript-search"
        />
      </div>
      {isStopped ? (
        <p className="room-panel__empty" title={status?.reason ?? undefined} data-testid="transcript-notice">
          {/* The host's switch is right above: no need to send them to this very panel. */}
          {notice === 'offHost' ? t('transcript.offHost') : t(`captions.notice.${notice}`)}
        </p>
      ) : null}
      {shown.length === 0 && !(isStopped && !deferredQuery.trim()) ? (
        <p className="room-panel__empty" data-testid="transcript-empty">
          {deferredQuery.trim() ? t('transcript.noMatches', { query: deferredQuery.trim() }) : t('transcript.empty')}
        </p>
      ) : null}
      <ol className="transcript-list" ref={listRef} onScroll={follow.onScroll} aria-label={t('transcript.lines')}>
        {shown.map((line) => (
          <TranscriptRow key={line.id} line={line} />
        ))}
      </ol>
      {follow.isFollowing ? null : (
        <button
          type="button"
          className="button transcript-panel__jump"
          onClick={follow.jumpToLatest}
          data-testid="transcript-jump"
        >
          <Icon name="arrowDown" size={16} />
          {t('transcript.jump')}
        </button>
      )}
      <footer className="transcript-panel__footer">
        <span className="room-panel__hint">
          {status?.engine ? t('transcript.engine', { engine: engineName(status.engine), model: status.model }) : null}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => void onCopy()}
          disabled={finals.length === 0}
          data-testid="transcript-copy"
        >
          <Icon name="copy" size={16} />
          {copyState === 'copied'
            ? t('transcript.copied')
            : copyState === 'failed'
              ? t('transcript.copyFailed')
              : t('transcript.copy')}
        </button>
      </footer>
    </aside>
  );
}
