import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Shown after the label, e.g. "optional". */
  labelNote?: string;
}

/** A labelled input whose hint, or error, is announced with it (aria-describedby). */
export function TextField({
  label,
  hint,
  error,
  labelNote,
  className,
  'aria-describedby': alsoDescribedBy,
  ...inputProps
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // An error takes the hint's place: the two often say the same thing ("needs a passcode").
  const shownHint = error ? null : hint;
  const describedBy =
    [shownHint ? hintId : null, error ? errorId : null, alsoDescribedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {labelNote ? <span className="field__label-note"> ({labelNote})</span> : null}
      </label>
      <input
        id={id}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
      {shownHint ? (
        <span id={hintId} className="field__hint">
          {shownHint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
