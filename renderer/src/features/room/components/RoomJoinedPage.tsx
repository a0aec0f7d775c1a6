import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { LoadingBlock, Notice } from '../../../ui/Feedback';
import { Icon } from '../../../ui/Icon';
import { parseMeetingId, useMeeting } from '../../meetings';
import { useLobbyStore } from '../../lobby';
import { roomApi } from '../api';
import { useRoomStore } from '../store';
import '../room.css';

/** Stand-in for the live room: confirms the REST join and lets the user leave. */
export function RoomJoinedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = parseMeetingId(useParams().id);
  const { meeting, error } = useMeeting(id);
  const { isCameraOn, isMicOn } = useLobbyStore();
  const [isLeaving, setIsLeaving] = useState(false);
  const [leaveError, setLeaveError] = useState<unknown>(null);

  if (!meeting) {
    if (error || id === null) {
      return (
        <div className="page">
          <Notice tone="error">{errorMessage(t, error)}</Notice>
          <Link to="/">{t('app.backHome')}</Link>
        </div>
      );
    }
    return <LoadingBlock label={t('app.loading')} />;
  }

  const onLeave = async () => {
    setIsLeaving(true);
    setLeaveError(null);
    try {
      await roomApi.leave(meeting.id);
      useRoomStore.getState().clear();
      navigate('/', { replace: true });
    } catch (failure) {
      setLeaveError(failure);
      setIsLeaving(false);
    }
  };

  return (
    <div className="page room" data-testid="room-joined" data-meeting-id={meeting.id}>
      <section className="room__stage">
        <span className="room__check" aria-hidden="true">
          <Icon name="users" size={36} />
        </span>
        <h1 data-testid="room-title">{meeting.title}</h1>
        <p className="room__joined">{t('room.joined')}</p>
        <p className="muted">{t('room.placeholder')}</p>
        <p className="room__states">
          <span>{t('room.cameraState', { state: isCameraOn ? t('room.on') : t('room.off') })}</span>
          <span>{t('room.micState', { state: isMicOn ? t('room.on') : t('room.off') })}</span>
        </p>
        {leaveError ? <Notice tone="error">{errorMessage(t, leaveError)}</Notice> : null}
        <button
          type="button"
          className="button button--danger button--large"
          onClick={() => void onLeave()}
          disabled={isLeaving}
          data-testid="leave-button"
        >
          {isLeaving ? t('room.leaving') : t('room.leave')}
        </button>
      </section>
    </div>
  );
}
