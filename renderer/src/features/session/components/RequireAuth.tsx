import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../../ui/Feedback';
import { useSessionStore } from '../store';

/** Where a signed-out user was going, so sign-in can take them there afterwards. */
export interface FromState {
  from?: string;
}

export function redirectTarget(state: unknown): string {
  const from = (state as FromState | null)?.from;
  // Only in-app paths: never bounce to something that looks like another origin.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/** Route guard: signed-out users go to sign-in, remembering where they wanted to go. */
export function RequireAuth() {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  const location = useLocation();
  if (status === 'restoring') return <LoadingBlock label={t('signin.restoring')} testId="session-restoring" />;
  if (status === 'signed-out') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={{ from } satisfies FromState} />;
  }
  return <Outlet />;
}
