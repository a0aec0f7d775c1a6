import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value with a Copy button that says whether it worked. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  const onCopy = async () => {
    setState((await copyText(value, inputRef.current)) ? 'copied' : 'failed');
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field">
        <input
          ref={inputRef}
          id={id}
          className="input mono"
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          data-testid={`${testId}-value`}
        />
        <button type="button" className="button" onClick={() => void onCopy()} data-testid={`${testId}-copy`}>
          {state === 'copied' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {state === 'failed' ? (
        <span className="field__error" role="alert">
          {t('common.copyFailed')}
        </span>
      ) : null}
    </div>
  );
}
