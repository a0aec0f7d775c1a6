import type { MeetingScope } from '@meetai/shared';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Now, later, before: what is live comes first. */
export const HOME_SCOPES: readonly MeetingScope[] = ['ongoing', 'upcoming', 'past'];

/**
 * WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs.
 * `value` is null while the home is still choosing which tab to open on.
 */
export function ScopeTabs({
  value,
  onChange,
}: {
  value: MeetingScope | null;
  onChange: (scope: MeetingScope) => void;
}) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<MeetingScope, HTMLButtonElement | null>>>({});
  const focusable = value ?? HOME_SCOPES[0];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = value ? HOME_SCOPES.indexOf(value) : 0;
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: HOME_SCOPES.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = HOME_SCOPES[(target + HOME_SCOPES.length) % HOME_SCOPES.length] ?? focusable;
    onChange(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('meetings.tabsLabel')} onKeyDown={onKeyDown}>
      {HOME_SCOPES.map((scope) => (
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
          tabIndex={scope === focusable ? 0 : -1}
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
