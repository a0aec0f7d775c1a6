/** A form's primary button; while the form is busy it is disabled and says what is happening. */
export function SubmitButton({
  label,
  busyLabel,
  isBusy,
  isBlock = false,
  testId,
}: {
  label: string;
  busyLabel: string;
  isBusy: boolean;
  /** Full width and large, for a form that is the whole card. */
  isBlock?: boolean;
  testId: string;
}) {
  return (
    <button
      type="submit"
      className={isBlock ? 'button button--primary button--block button--large' : 'button button--primary'}
      disabled={isBusy}
      aria-busy={isBusy || undefined}
      data-testid={testId}
    >
      {isBusy ? busyLabel : label}
    </button>
  );
}
