import { parseDeepLink } from '@meetai/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Accepts a bare code, a web invite link or a `meeting://` link, as people paste them. */
export function JoinByCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const wantsFocus = (location.state as { focus?: unknown } | null)?.focus === 'join';

  // The desktop shell's "Join by code" (tray, menu) lands here asking for the field.
  useEffect(() => {
    if (wantsFocus) inputRef.current?.focus();
  }, [wantsFocus, location.key]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const link = parseDeepLink(text);
    if (!link) {
      setError(t('meetings.join.invalid'));
      return;
    }
    navigate(`/join/${link.code}`);
  };

  return (
    <form className="join-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="join-form__title">
        {t('meetings.join.title')}
      </h2>
      <div className="join-form__row">
        <label className="visually-hidden" htmlFor={id}>
          {t('meetings.join.label')}
        </label>
        <input
          ref={inputRef}
          id={id}
          className="input mono"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          placeholder={t('meetings.join.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid="join-code-input"
        />
        <button type="submit" className="button button--primary" data-testid="join-code-submit">
          {t('meetings.join.submit')}
        </button>
      </div>
      {error ? (
        <span id={`${id}-error`} className="field__error" role="alert" data-testid="join-code-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
