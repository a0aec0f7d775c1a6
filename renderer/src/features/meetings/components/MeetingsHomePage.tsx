import { MeetingScopeSchema, type MeetingScope } from '@meetai/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Icon } from '../../../ui/Icon';
import { useSessionStore } from '../../session';
import { loadMeetings } from '../meetings-actions';
import { JoinByCodeForm } from './JoinByCodeForm';
import { MeetingList } from './MeetingList';
import { ScopeTabs } from './ScopeTabs';
import '../meetings.css';

export function MeetingsHomePage() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [params, setParams] = useSearchParams();
  const parsedTab = MeetingScopeSchema.safeParse(params.get('tab'));
  const scope: MeetingScope = parsedTab.success ? parsedTab.data : 'upcoming';

  useEffect(() => {
    void loadMeetings(scope);
  }, [scope]);

  return (
    <div className="page meetings-home">
      <div className="meetings-home__header">
        <div>
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
        <div role="tabpanel" id="meetings-panel" aria-labelledby={`tab-${scope}`} className="meetings-home__panel">
          <MeetingList scope={scope} />
        </div>
      </section>
    </div>
  );
}
