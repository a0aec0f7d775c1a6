import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../i18n/error-message';
import { Icon, type IconName } from './Icon';

export function LoadingBlock({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="loading-block" role="status" aria-live="polite" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export interface EmptyStateProps {
  icon: IconName;
  title: string;
  body?: string;
  action?: ReactNode;
  testId?: string;
}

export function EmptyState({ icon, title, body, action, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <span className="empty-state__icon">
        <Icon name={icon} size={40} />
      </span>
      <p className="empty-state__title">{title}</p>
      {body ? <p>{body}</p> : null}
      {action}
    </div>
  );
}

export interface NoticeProps {
  tone?: 'error' | 'success' | 'warning' | 'info';
  children: ReactNode;
  onRetry?: () => void;
  testId?: string;
}

/** A message in words; errors get role=alert so screen readers say them at once. */
export function Notice({ tone = 'info', children, onRetry, testId }: NoticeProps) {
  const { t } = useTranslation();
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span>{children}</span>
      {onRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** A failure in the user's words (from its error code), or nothing while there is none. */
export function ErrorNotice({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Notice tone="error" testId={testId}>
      {errorMessage(t, error)}
    </Notice>
  );
}

/** A page whose subject could not be loaded: what went wrong, and the way back home. */
export function PageError({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Notice tone="error" onRetry={onRetry} testId={testId}>
        {errorMessage(t, error)}
      </Notice>
      <Link to="/">{t('app.backHome')}</Link>
    </div>
  );
}
