import { MeetingScopeSchema, type MeetingScope } from '@meetai/shared';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const scopes = MeetingScopeSchema.options;

/** WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs. */
export function ScopeTabs({ value, onChange }: { value: MeetingScope; onChange: (scope: MeetingScope) => void }) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<MeetingScope, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent) => {
    const index = scopes.indexOf(value);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: scopes.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = scopes[(target + scopes.length) % scopes.length] ?? value;
    onChange(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('meetings.tabsLabel')} onKeyDown={onKeyDown}>
      {scopes.map((scope) => (
        <button
          key={scope}
          ref={(element) => {
            refs.current[scope] = element;
          }}
          type="button"
          role="tab"
          id={`tab-${scope}`}
          aria-controls="meetings-panel"
          aria-selected={scope === value}
          tabIndex={scope === value ? 0 : -1}
          className="tabs__tab"
          onClick={() => onChange(scope)}
          data-testid={`meetings-tab-${scope}`}
        >
          {t(`meetings.tabs.${scope}`)}
        </button>
      ))}
    </div>
  );
}
