import { normalizeMeetingCode } from '@meetai/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { LoadingBlock, PageError } from '../../../ui/Feedback';
import { meetingsApi } from '../api';
import { useMeetingsStore } from '../store';

/** `/join/:code`, where invite links and typed codes land: finds the meeting, then opens its lobby. */
export function JoinByCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const code = normalizeMeetingCode(useParams().code ?? '');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!code) {
      setError(new ApiError('MEETING_NOT_FOUND', null, 'Not a meeting code'));
      return;
    }
    let isCurrent = true;
    setError(null);
    meetingsApi
      .byCode(code)
      .then((meeting) => {
        if (!isCurrent) return;
        useMeetingsStore.getState().upsertMeeting(meeting);
        navigate(`/lobby/${meeting.id}`, { replace: true });
      })
      .catch((failure: unknown) => isCurrent && setError(failure));
    return () => {
      isCurrent = false;
    };
  }, [code, navigate]);

  if (!error) return <LoadingBlock label={t('meetings.resolving')} testId="join-resolving" />;
  return <PageError error={error} testId="join-code-failed" />;
}
