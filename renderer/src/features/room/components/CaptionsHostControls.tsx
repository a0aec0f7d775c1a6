import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageChoiceSchema, type CaptionsStatus, type LanguageChoice } from '@meetai/shared';
import { useRoomClient } from '../hooks';

/** Host: the meeting's live captions on or off for everyone, and the language they are recognised in. */
export function CaptionsHostControls({ status }: { status: CaptionsStatus }) {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const [isSaving, setIsSaving] = useState(false);
  const id = useId();
  const canChinese = status.languages.includes('zh');

  const apply = async (enabled: boolean, language: LanguageChoice) => {
    setIsSaving(true);
    try {
      await controller.setCaptions(enabled, language);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <fieldset className="captions-host" disabled={isSaving}>
      <legend className="captions-host__title">{t('transcript.host.title')}</legend>
      <label className="captions-host__switch">
        <input
          type="checkbox"
          role="switch"
          checked={status.enabled}
          onChange={(event) => void apply(event.target.checked, status.language)}
          data-testid="captions-host-toggle"
        />
        <span>{t('transcript.host.enabled')}</span>
      </label>
      <label className="captions-host__language" htmlFor={`${id}-language`}>
        {t('transcript.host.language')}
      </label>
      <select
        id={`${id}-language`}
        className="select"
        value={status.language}
        onChange={(event) => void apply(status.enabled, LanguageChoiceSchema.parse(event.target.value))}
        data-testid="captions-language"
      >
        {LanguageChoiceSchema.options.map((choice) => (
          <option key={choice} value={choice} disabled={choice === 'zh' && !canChinese}>
            {t(`captions.languages.${choice}`)}
          </option>
        ))}
      </select>
      {canChinese ? null : <p className="room-panel__hint">{t('transcript.host.zhNeedsModel')}</p>}
    </fieldset>
  );
}
