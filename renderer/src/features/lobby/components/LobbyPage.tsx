import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../i18n/error-message';
import { isApiError } from '../../../lib/api-error';
import { ErrorNotice, LoadingBlock, Notice, PageError } from '../../../ui/Feedback';
import { Icon } from '../../../ui/Icon';
import { SubmitButton } from '../../../ui/SubmitButton';
import { TextField } from '../../../ui/TextField';
import { meetingsApi, parseMeetingId, useMeeting, useMeetingsStore } from '../../meetings';
import { type LobbyTracks } from '../../room';
import { useSessionStore } from '../../session';
import { updateSettings, useSettingsStore } from '../../settings';
import { useLocalMedia, useMediaDevices, useRoomPreparation } from '../hooks';
import { canChooseSpeaker, playTestSound } from '../media/test-sound';
import { useLobbyStore } from '../store';
import { DeviceSelect } from './DeviceSelect';
import { MicMeter } from './MicMeter';
import '../lobby.css';

/** Pre-join: see yourself, hear yourself, pick devices, then join. */
export function LobbyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = parseMeetingId(useParams().id);
  const { meeting, error: loadError, reload } = useMeeting(id);
  const settings = useSettingsStore((s) => s.settings);
  const userId = useSessionStore((s) => s.user?.id ?? null);
  const displayName = useSessionStore((s) => (s.user ? s.user.nickname || s.user.username : ''));
  const preparation = useRoomPreparation(id, displayName);
  const { isCameraOn, isMicOn, setCameraOn, setMicOn } = useLobbyStore();
  const media = useLocalMedia({
    camera: isCameraOn,
    microphone: isMicOn,
    cameraId: settings.camera_id,
    microphoneId: settings.microphone_id,
  });
  const devices = useMediaDevices(media.stream);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [passcode, setPasscode] = useState('');
  const [joinError, setJoinError] = useState<unknown>(null);
  const [isJoining, setIsJoining] = useState(false);

  const hasVideo = Boolean(media.stream?.getVideoTracks().length);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = hasVideo ? media.stream : null;
  }, [media.stream, hasVideo]);

  if (!meeting) {
    if (loadError || id === null) {
      return <PageError error={loadError} onRetry={id === null ? undefined : reload} testId="lobby-error" />;
    }
    return <LoadingBlock label={t('app.loading')} testId="lobby-loading" />;
  }

  // One sentence for each case: two sentences glued with a space read wrong in Chinese.
  const joinStateKey =
    !isCameraOn && !isMicOn
      ? 'lobby.joinBothOff'
      : !isCameraOn
        ? 'lobby.joinCameraOff'
        : !isMicOn
          ? 'lobby.joinMicOff'
          : null;

  // The host is never asked for their own meeting's passcode.
  const needsPasscode = meeting.has_passcode && meeting.host_id !== userId;
  const passcodeError =
    isApiError(joinError) && (joinError.code === 'WRONG_PASSCODE' || joinError.code === 'PASSCODE_REQUIRED')
      ? errorMessage(t, joinError)
      : null;

  const onJoin = async (event: FormEvent) => {
    event.preventDefault();
    setJoinError(null);
    setIsJoining(true);
    try {
      const joined = await meetingsApi.join(meeting.id, needsPasscode ? passcode.trim() : undefined);
      // The room shows this copy (started now) rather than fetching the meeting again.
      useMeetingsStore.getState().upsertMeeting(joined.meeting);
      preparation?.enter(
        { isMicOn, isCameraOn, micDeviceId: settings.microphone_id, cameraDeviceId: settings.camera_id },
        lendPreviewTracks(media.stream, isMicOn, isCameraOn),
      );
      navigate(`/room/${meeting.id}`, { replace: true });
    } catch (error) {
      setJoinError(error);
      setIsJoining(false);
    }
  };

  return (
    <div className="page lobby">
      <header>
        <h1>{t('lobby.title')}</h1>
        <p className="muted">{t('lobby.subtitle')}</p>
      </header>
      <div className="lobby__layout">
        <section className="lobby__media" aria-label={t('lobby.preview')}>
          <div className="lobby__stage">
            <video
              ref={videoRef}
              className="lobby__video"
              autoPlay
              muted
              playsInline
              hidden={!hasVideo}
              aria-label={t('lobby.preview')}
              data-testid="lobby-preview"
            />
            {!hasVideo ? (
              <div className="lobby__stage-message">
                {media.status === 'starting' ? (
                  <span className="spinner" aria-hidden="true" />
                ) : (
                  <Icon name="videoOff" size={40} />
                )}
                <span>{media.status === 'starting' ? t('lobby.starting') : t('lobby.cameraOffPreview')}</span>
              </div>
            ) : null}
            <div className="lobby__toggles">
              <button
                type="button"
                className="lobby__toggle"
                aria-pressed={isMicOn}
                onClick={() => setMicOn(!isMicOn)}
                data-testid="toggle-mic"
              >
                <Icon name={isMicOn ? 'mic' : 'micOff'} />
                <span>{t('lobby.microphone')}</span>
              </button>
              <button
                type="button"
                className="lobby__toggle"
                aria-pressed={isCameraOn}
                onClick={() => setCameraOn(!isCameraOn)}
                data-testid="toggle-camera"
              >
                <Icon name={isCameraOn ? 'video' : 'videoOff'} />
                <span>{t('lobby.camera')}</span>
              </button>
            </div>
          </div>
          <div className="lobby__meter-row">
            <Icon name={isMicOn ? 'mic' : 'micOff'} size={18} />
            <MicMeter stream={isMicOn ? media.stream : null} />
          </div>
          {joinStateKey ? (
            <p className="muted lobby__join-state" data-testid="lobby-join-state">
              {t(joinStateKey)}
            </p>
          ) : null}
          {media.status === 'failed' ? (
            <Notice tone="warning" testId="lobby-media-error">
              {t(`lobby.mediaErrors.${media.reason}`)}
            </Notice>
          ) : null}
        </section>

        <form className="card lobby__panel form" onSubmit={(event) => void onJoin(event)} noValidate>
          <div>
            <h2 className="lobby__title" title={meeting.title} data-testid="lobby-meeting-title">
              {meeting.title}
            </h2>
            <p className="muted mono">{meeting.code}</p>
          </div>
          <DeviceSelect
            label={t('lobby.camera')}
            icon="video"
            devices={devices.cameras}
            value={settings.camera_id}
            onChange={(camera_id) => void updateSettings({ camera_id })}
            disabled={!isCameraOn}
            testId="camera-select"
          />
          <DeviceSelect
            label={t('lobby.microphone')}
            icon="mic"
            devices={devices.microphones}
            value={settings.microphone_id}
            onChange={(microphone_id) => void updateSettings({ microphone_id })}
            disabled={!isMicOn}
            testId="microphone-select"
          />
          <SpeakerChoice devices={devices.speakers} value={settings.speaker_id} />
          {needsPasscode ? (
            <TextField
              label={t('lobby.passcode')}
              hint={t('lobby.passcodeRequired')}
              value={passcode}
              onChange={(event) => setPasscode(event.target.value)}
              error={passcodeError}
              autoComplete="off"
              maxLength={32}
              data-testid="lobby-passcode"
            />
          ) : null}
          <ErrorNotice error={passcodeError ? null : joinError} testId="join-error" />
          <SubmitButton
            label={t('lobby.join')}
            busyLabel={t('lobby.joining')}
            isBusy={isJoining}
            isBlock
            testId="join-button"
          />
        </form>
      </div>
    </div>
  );
}

/** Copies of the preview's live tracks for the room: the lobby stops its own when it closes. */
function lendPreviewTracks(stream: MediaStream | null, isMicOn: boolean, isCameraOn: boolean): LobbyTracks {
  const live = (track: MediaStreamTrack | undefined) => (track?.readyState === 'live' ? track.clone() : undefined);
  const mic = isMicOn ? live(stream?.getAudioTracks()[0]) : undefined;
  const webcam = isCameraOn ? live(stream?.getVideoTracks()[0]) : undefined;
  return { ...(mic ? { mic } : {}), ...(webcam ? { webcam } : {}) };
}

function SpeakerChoice({ devices, value }: { devices: MediaDeviceInfo[]; value: string | null }) {
  const { t } = useTranslation();
  const [isPlaying, setIsPlaying] = useState(false);
  const isChoosable = canChooseSpeaker();
  const onTest = async () => {
    setIsPlaying(true);
    try {
      await playTestSound(value);
    } finally {
      setIsPlaying(false);
    }
  };
  return (
    <div className="lobby__speaker">
      {isChoosable ? (
        <DeviceSelect
          label={t('lobby.speaker')}
          icon="speaker"
          devices={devices}
          value={value}
          onChange={(speaker_id) => void updateSettings({ speaker_id })}
          testId="speaker-select"
        />
      ) : (
        <p className="field__hint">{t('lobby.speakerUnsupported')}</p>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => void onTest()}
        disabled={isPlaying}
        data-testid="speaker-test"
      >
        {t('lobby.testSpeaker')}
      </button>
    </div>
  );
}
