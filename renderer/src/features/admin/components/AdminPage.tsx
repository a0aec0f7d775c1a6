import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { i18n } from '../../../i18n';
import { EmptyState } from '../../../ui/Feedback';
import { useSessionStore } from '../../session';
import { ADMIN_NAMESPACE, registerAdminStrings } from '../i18n';
import { AuditTable } from './AuditTable';
import { HealthPanel } from './HealthPanel';
import { MeetingsTable } from './MeetingsTable';
import { UsersTable } from './UsersTable';
import '../admin.css';

const TABS = ['health', 'users', 'meetings', 'audit'] as const;
type Tab = (typeof TABS)[number];
const PANELS: Record<Tab, () => React.JSX.Element> = {
  health: HealthPanel,
  users: UsersTable,
  meetings: MeetingsTable,
  audit: AuditTable,
};

/** Admin mode (`#/admin?tab=…`): admins only here, and the server refuses everyone else anyway. */
export function AdminPage() {
  // Added on first render rather than at import: the app's i18next is initialised by then.
  registerAdminStrings(i18n);
  const { t } = useTranslation(ADMIN_NAMESPACE);
  const role = useSessionStore((s) => s.user?.role);
  const [params, setParams] = useSearchParams();
  if (role !== 'admin') {
    return <EmptyState icon="lock" title={t('title')} body={t('status.unknown')} testId="admin-forbidden" />;
  }
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'health';
  const Panel = PANELS[tab];
  return (
    <div className="page admin-page" data-testid="admin-page">
      <h1>{t('title')}</h1>
      <div className="admin-tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className="admin-tab"
            onClick={() => setParams({ tab: name })}
            data-testid={`admin-tab-${name}`}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        <Panel />
      </div>
    </div>
  );
}
