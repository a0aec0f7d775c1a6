import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_NAMESPACE } from '../i18n';

/**
 * A destructive action behind a confirmation: the button opens a small panel
 * with the question (and any inputs, e.g. a reason), Confirm runs it.
 */
export function ConfirmAction({
  label,
  question,
  children,
  canConfirm = true,
  onConfirm,
  isDanger = true,
  testId,
}: {
  label: string;
  question: string;
  children?: ReactNode;
  canConfirm?: boolean;
  onConfirm: () => Promise<void>;
  isDanger?: boolean;
  testId: string;
}) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  const [isOpen, setIsOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  if (!isOpen) {
    return (
      <button
        type="button"
        className={`button button--small${isDanger ? ' button--danger' : ''}`}
        onClick={() => setIsOpen(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-action" role="group" aria-label={question} data-testid={`${testId}-confirm-panel`}>
      <p>{question}</p>
      {children}
      <div className="row">
        <button
          type="button"
          className={`button button--small${isDanger ? ' button--danger' : ' button--primary'}`}
          disabled={!canConfirm || isBusy}
          onClick={() => {
            setIsBusy(true);
            void onConfirm().finally(() => {
              setIsBusy(false);
              setIsOpen(false);
            });
          }}
          data-testid={`${testId}-confirm`}
        >
          {t('table.confirm')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => setIsOpen(false)}
          data-testid={`${testId}-cancel`}
        >
          {t('table.cancel')}
        </button>
      </div>
    </div>
  );
}
