import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/Feedback';
import { adminApi } from '../api';
import { ADMIN_NAMESPACE } from '../i18n';
import { useAdminList } from '../use-admin-list';
import { Pager, TableSearch } from './TableControls';

/** Every admin action, newest first. */
export function AuditTable() {
  const { t, i18n } = useTranslation(ADMIN_NAMESPACE);
  const list = useAdminList(adminApi.audit);
  return (
    <section className="admin-section" data-testid="admin-audit">
      <TableSearch value={list.search} onChange={list.setSearch} testId="audit-search" />
      <ErrorNotice error={list.error} testId="audit-error" />
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.target')}</th>
            <th>{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.list.map((entry) => (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <td>{formatDateTime(entry.at, i18n.language)}</td>
              <td>{entry.actor_name}</td>
              <td>{t(`audit.actions.${entry.action.replace('.', '_')}`)}</td>
              <td>{entry.target_label}</td>
              <td>{entry.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.total === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {t('table.empty')}
        </p>
      ) : null}
      <Pager page={list.query.page} pages={list.data?.total_pages ?? 0} onPage={list.goTo} testId="audit-pager" />
    </section>
  );
}
