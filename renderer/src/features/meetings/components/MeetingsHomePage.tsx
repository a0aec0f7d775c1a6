import { MeetingScopeSchema, type MeetingScope } from '@meetai/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadingBlock } from '../../../ui/Feedback';
import { Icon } from '../../../ui/Icon';
import { useSessionStore } from '../../session';
import { loadMeetings } from '../meetings-actions';
import { useMeetingsStore } from '../store';
import { JoinByCodeForm } from './JoinByCodeForm';
import { MeetingList } from './MeetingList';
import { ScopeTabs } from './ScopeTabs';
import '../meetings.css';

/**
 * The tab to show: the one in the address, or, with none, where the user's
 * meetings are: Ongoing when one is live (an instant meeting just created is),
 * else Upcoming. Null while that is being found out, from a fresh Ongoing list.
 */
function useShownScope(requested: MeetingScope | null): MeetingScope | null {
  const [landing, setLanding] = useState<MeetingScope | null>(null);

  useEffect(() => {
    if (requested) return;
    let isCurrent = true;
    void loadMeetings('ongoing').then(() => {
      if (!isCurrent) return;
      setLanding(useMeetingsStore.getState().lists.ongoing.ids.length > 0 ? 'ongoing' : 'upcoming');
    });
    return () => {
      isCurrent = false;
    };
  }, [requested]);

  return requested ?? landing;
}

export function MeetingsHomePage() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [params, setParams] = useSearchParams();
  const parsedTab = MeetingScopeSchema.safeParse(params.get('tab'));
  const requested = parsedTab.success ? parsedTab.data : null;
  const scope = useShownScope(requested);

  useEffect(() => {
    // Opening on Ongoing by choice has just fetched that list.
    const isFresh = scope === 'ongoing' && requested === null;
    if (scope && !isFresh) void loadMeetings(scope);
  }, [scope, requested]);

  return (
    <div className="page meetings-home">
      <div className="meetings-home__header">
        <div className="meetings-home__greeting">
          <h1>{t('meetings.title')}</h1>
          {user ? <p className="muted">{t('meetings.greeting', { name: user.nickname || user.username })}</p> : null}
        </div>
        <Link to="/meetings/new" className="button button--primary button--large" data-testid="create-meeting">
          <Icon name="plus" />
          {t('meetings.new')}
        </Link>
      </div>
      <section className="card">
        <JoinByCodeForm />
      </section>
      <section className="card meetings-home__lists">
        <ScopeTabs value={scope} onChange={(next) => setParams({ tab: next }, { replace: true })} />
        <div
          role="tabpanel"
          id="meetings-panel"
          aria-labelledby={scope ? `tab-${scope}` : undefined}
          className="meetings-home__panel"
        >
          {scope ? <MeetingList scope={scope} /> : <LoadingBlock label={t('app.loading')} testId="meetings-loading" />}
        </div>
      </section>
    </div>
  );
}
