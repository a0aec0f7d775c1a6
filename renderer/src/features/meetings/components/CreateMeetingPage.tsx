import { CreateMeetingRequestSchema, PasscodeSchema, type CreateMeetingRequest } from '@meetai/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/Feedback';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { SubmitButton } from '../../../ui/SubmitButton';
import { TextField } from '../../../ui/TextField';
import { meetingsApi } from '../api';
import { useMeetingsStore } from '../store';
import '../meetings.css';

const KINDS = ['instant', 'scheduled'] as const;
type Kind = (typeof KINDS)[number];
type Field = 'title' | 'start' | 'end' | 'passcode';

/** The next half hour from now, a sensible default start for a scheduled meeting. */
function nextHalfHour(now = new Date()): Date {
  const date = new Date(now);
  date.setSeconds(0, 0);
  date.setMinutes(date.getMinutes() < 30 ? 30 : 60);
  return date;
}

export function CreateMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('instant');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [start, setStart] = useState(() => toDateTimeLocalValue(nextHalfHour()));
  const [end, setEnd] = useState(() => toDateTimeLocalValue(new Date(nextHalfHour().getTime() + 3_600_000)));
  const [passcode, setPasscode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const buildRequest = (): { request?: CreateMeetingRequest; errors: Partial<Record<Field, string>> } => {
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = t('create.titleRequired');
    if (passcode.trim() && !PasscodeSchema.safeParse(passcode).success) found.passcode = t('create.passcodeInvalid');
    const startIso = kind === 'scheduled' ? fromDateTimeLocalValue(start) : null;
    const endIso = kind === 'scheduled' ? fromDateTimeLocalValue(end) : null;
    if (kind === 'scheduled' && !startIso) found.start = t('create.startRequired');
    if (startIso && endIso && Date.parse(endIso) <= Date.parse(startIso)) found.end = t('create.endBeforeStart');
    if (Object.keys(found).length) return { errors: found };
    const parsed = CreateMeetingRequestSchema.safeParse({
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(startIso ? { scheduled_start: startIso } : {}),
      ...(endIso ? { scheduled_end: endIso } : {}),
      ...(passcode.trim() ? { passcode: passcode.trim() } : {}),
    });
    return parsed.success ? { request: parsed.data, errors: {} } : { errors: { title: t('errors.VALIDATION_FAILED') } };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildRequest();
    setErrors(built.errors);
    setFailure(null);
    if (!built.request) return;
    setIsSubmitting(true);
    try {
      const meeting = await meetingsApi.create(built.request);
      useMeetingsStore.getState().upsertMeeting(meeting);
      navigate(`/meetings/${meeting.id}`, { replace: true });
    } catch (error) {
      setFailure(error);
      setIsSubmitting(false);
    }
  };

  return (
    <div className="page meeting-form">
      <h1>{t('create.title')}</h1>
      <form className="card form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <SegmentedControl
          legend={t('create.kindLabel')}
          name="kind"
          options={KINDS.map((value) => ({ value, label: t(`create.kind.${value}`) }))}
          value={kind}
          onChange={setKind}
          testIdPrefix="meeting-kind"
        />
        <TextField
          label={t('create.titleLabel')}
          placeholder={t('create.titlePlaceholder')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.title}
          maxLength={200}
          autoFocus
          data-testid="meeting-title-input"
        />
        <div className="field">
          <label className="field__label" htmlFor="meeting-description">
            {t('create.description')} <span className="field__label-note">({t('common.optional')})</span>
          </label>
          <textarea
            id="meeting-description"
            className="textarea"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={2000}
            data-testid="meeting-description-input"
          />
        </div>
        {kind === 'scheduled' ? (
          <div className="meeting-form__times">
            <TextField
              label={t('create.start')}
              type="datetime-local"
              value={start}
              onChange={(event) => setStart(event.target.value)}
              error={errors.start}
              data-testid="meeting-start-input"
            />
            <TextField
              label={t('create.end')}
              type="datetime-local"
              value={end}
              onChange={(event) => setEnd(event.target.value)}
              error={errors.end}
              data-testid="meeting-end-input"
            />
          </div>
        ) : null}
        <TextField
          label={t('create.passcode')}
          labelNote={t('common.optional')}
          hint={t('create.passcodeHint')}
          value={passcode}
          onChange={(event) => setPasscode(event.target.value)}
          error={errors.passcode}
          autoComplete="off"
          maxLength={32}
          data-testid="meeting-passcode-input"
        />
        <ErrorNotice error={failure} testId="meeting-create-error" />
        <div className="meeting-form__actions">
          <button type="button" className="button button--ghost" onClick={() => navigate('/')}>
            {t('common.cancel')}
          </button>
          <SubmitButton
            label={t('create.submit')}
            busyLabel={t('create.submitting')}
            isBusy={isSubmitting}
            testId="meeting-create-submit"
          />
        </div>
      </form>
    </div>
  );
}
