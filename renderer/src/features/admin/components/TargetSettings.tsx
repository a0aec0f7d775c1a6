import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetUrlSchema, type HealthTarget, type HealthTargetName } from '@meetai/shared';
import { ADMIN_NAMESPACE } from '../i18n';

/** The addresses admin mode probes, editable; saved on this device by the caller. */
export function TargetSettings({
  targets,
  onSave,
  onReset,
}: {
  targets: HealthTarget[];
  onSave: (urls: Partial<Record<HealthTargetName, string>>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  const [draft, setDraft] = useState(() => Object.fromEntries(targets.map((target) => [target.name, target.url])));
  const invalid = targets.filter((target) => !TargetUrlSchema.safeParse(draft[target.name] ?? '').success);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid.length === 0) onSave(draft);
  };
  return (
    <form className="card target-settings" onSubmit={submit} data-testid="health-settings">
      <h2>{t('settings.title')}</h2>
      <p className="muted">{t('settings.hint')}</p>
      <div className="target-settings__grid">
        {targets.map((target) => {
          const isInvalid = invalid.includes(target);
          return (
            <label key={target.name} className="field">
              <span className="field__label">{t(`targets.${target.name}`)}</span>
              <input
                className="input"
                type="url"
                value={draft[target.name] ?? ''}
                onChange={(event) => setDraft({ ...draft, [target.name]: event.target.value })}
                aria-invalid={isInvalid || undefined}
                title={isInvalid ? t('settings.invalid') : undefined}
                data-testid={`health-url-${target.name}`}
              />
            </label>
          );
        })}
      </div>
      <div className="row">
        <button
          type="submit"
          className="button button--primary"
          disabled={invalid.length > 0}
          data-testid="health-settings-save"
        >
          {t('settings.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onReset} data-testid="health-settings-reset">
          {t('settings.reset')}
        </button>
      </div>
    </form>
  );
}
