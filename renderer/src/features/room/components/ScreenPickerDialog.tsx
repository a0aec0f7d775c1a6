import type { ScreenSource } from '@meetai/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ScreenPicker, ScreenPickRequest } from '../desktop-screen-source';
import '../screen-picker.css';

const EMPTY_PNG = 'data:image/png;base64,';

interface SourceGroupProps {
  title: string;
  sources: ScreenSource[];
  selected: string | null;
  onSelect: (id: string) => void;
  onShare: (id: string) => void;
}

function SourceGroup({ title, sources, selected, onSelect, onShare }: SourceGroupProps) {
  const headingId = useId();
  if (sources.length === 0) return null;
  return (
    <section className="screen-picker__group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <div className="screen-picker__grid" role="radiogroup" aria-labelledby={headingId}>
        {sources.map((source) => (
          <button
            key={source.id}
            type="button"
            role="radio"
            aria-checked={selected === source.id}
            className="screen-picker__source"
            onClick={() => onSelect(source.id)}
            onDoubleClick={() => onShare(source.id)}
            data-testid="screen-source"
            data-source-id={source.id}
          >
            {source.thumbnail === EMPTY_PNG ? (
              <span className="screen-picker__thumb screen-picker__thumb--empty" aria-hidden="true" />
            ) : (
              <img className="screen-picker__thumb" src={source.thumbnail} alt="" />
            )}
            <span className="screen-picker__name">
              {source.icon ? <img className="screen-picker__icon" src={source.icon} alt="" /> : null}
              <span title={source.name}>{source.name}</span>
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}

function PickerDialog({ request }: { request: ScreenPickRequest }) {
  const { t } = useTranslation('room');
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const screens = request.sources.filter((source) => source.kind === 'screen');
  const windows = request.sources.filter((source) => source.kind === 'window');

  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') request.answer(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [request]);

  return (
    <div className="confirm-backdrop">
      <div
        className="card screen-picker"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="screen-picker"
      >
        <h2 id={titleId}>{t('screenPicker.title')}</h2>
        {request.sources.length === 0 ? (
          <p className="muted" data-testid="screen-picker-empty">
            {t('screenPicker.none')}
          </p>
        ) : (
          <div className="screen-picker__body">
            <SourceGroup
              title={t('screenPicker.screens')}
              sources={screens}
              selected={selected}
              onSelect={setSelected}
              onShare={request.answer}
            />
            <SourceGroup
              title={t('screenPicker.windows')}
              sources={windows}
              selected={selected}
              onSelect={setSelected}
              onShare={request.answer}
            />
          </div>
        )}
        <div className="confirm-dialog__actions">
          <button
            type="button"
            className="button"
            ref={cancelRef}
            onClick={() => request.answer(null)}
            data-testid="screen-picker-cancel"
          >
            {t('screenPicker.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!selected}
            onClick={() => request.answer(selected)}
            data-testid="screen-picker-share"
          >
            {t('screenPicker.share')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The desktop app's own screen picker: screens and windows with their thumbnails, one to share. */
export function ScreenPickerDialog({ picker }: { picker: ScreenPicker }) {
  const request = useStore(picker.store, (state) => state.request);
  // Keyed by the request, so a new question starts with nothing selected.
  return request ? <PickerDialog key={request.sources.map((s) => s.id).join()} request={request} /> : null;
}
