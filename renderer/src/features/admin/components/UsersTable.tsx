import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '@meetai/shared';
import { formatDateTime } from '../../../lib/format';
import { ErrorNotice } from '../../../ui/Feedback';
import { useSessionStore } from '../../session';
import { adminApi } from '../api';
import { ADMIN_NAMESPACE } from '../i18n';
import { useAdminList } from '../use-admin-list';
import { ConfirmAction } from './ConfirmAction';
import { Pager, TableSearch } from './TableControls';

/** Accounts: search, ban (with a reason) and unban, admin rights, delete. */
export function UsersTable() {
  const { t, i18n } = useTranslation(ADMIN_NAMESPACE);
  const list = useAdminList(adminApi.users);
  const me = useSessionStore((s) => s.user?.id);
  const [actionError, setActionError] = useState<unknown>(null);
  const act = (run: () => Promise<unknown>) => async () => {
    setActionError(null);
    try {
      await run();
    } catch (error) {
      setActionError(error);
    }
    list.reload();
  };
  return (
    <section className="admin-section" data-testid="admin-users">
      <TableSearch value={list.search} onChange={list.setSearch} testId="users-search" />
      <ErrorNotice error={list.error ?? actionError} testId="users-error" />
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.email')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.state')}</th>
            <th>{t('users.lastLogin')}</th>
            <th>{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.list.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isMe={user.id === me}
              language={i18n.language}
              onBan={(reason) => act(() => adminApi.ban(user.id, reason))()}
              onUnban={act(() => adminApi.unban(user.id))}
              onRole={(role) => act(() => adminApi.setRole(user.id, role))()}
              onDelete={act(() => adminApi.deleteUser(user.id))}
            />
          ))}
        </tbody>
      </table>
      {list.data && list.data.total === 0 ? (
        <p className="muted" data-testid="users-empty">
          {t('table.empty')}
        </p>
      ) : null}
      <Pager page={list.query.page} pages={list.data?.total_pages ?? 0} onPage={list.goTo} testId="users-pager" />
    </section>
  );
}

function UserRow({
  user,
  isMe,
  language,
  onBan,
  onUnban,
  onRole,
  onDelete,
}: {
  user: AdminUser;
  isMe: boolean;
  language: string;
  onBan: (reason: string) => Promise<void>;
  onUnban: () => Promise<void>;
  onRole: (role: AdminUser['role']) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  const [reason, setReason] = useState('');
  const name = user.nickname || user.username;
  return (
    <tr
      data-testid="user-row"
      data-username={user.username}
      data-role={user.role}
      data-banned={user.banned_at !== null}
    >
      <td>
        <strong>{name}</strong> <span className="muted">@{user.username}</span>
        {isMe ? <span className="badge">{t('users.you')}</span> : null}
      </td>
      <td>{user.email}</td>
      <td>{t(user.role === 'admin' ? 'users.admin' : 'users.user')}</td>
      <td data-testid="user-state">
        {user.banned_at ? t('users.banned', { reason: user.ban_reason ?? '' }) : t('users.active')}
        {user.live_sockets > 0 ? (
          <span className="muted"> · {t('users.online', { count: user.live_sockets })}</span>
        ) : null}
      </td>
      <td>{formatDateTime(user.last_login_at, language)}</td>
      <td className="admin-actions">
        {isMe ? null : (
          <>
            {user.banned_at ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void onUnban()}
                data-testid="user-unban"
              >
                {t('users.unban')}
              </button>
            ) : (
              <ConfirmAction
                label={t('users.ban')}
                question={t('users.confirmBan', { name })}
                canConfirm={reason.trim().length > 0}
                onConfirm={() => onBan(reason.trim())}
                testId="user-ban"
              >
                <input
                  className="input"
                  placeholder={t('users.banReason')}
                  aria-label={t('users.banReason')}
                  maxLength={500}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  data-testid="user-ban-reason"
                />
              </ConfirmAction>
            )}
            {user.role === 'admin' ? (
              <ConfirmAction
                label={t('users.revoke')}
                question={t('users.confirmRevoke', { name })}
                onConfirm={() => onRole('user')}
                testId="user-revoke"
              />
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => void onRole('admin')}
                data-testid="user-grant"
              >
                {t('users.grant')}
              </button>
            )}
            <ConfirmAction
              label={t('users.delete')}
              question={t('users.confirmDelete', { name })}
              onConfirm={onDelete}
              testId="user-delete"
            />
          </>
        )}
      </td>
    </tr>
  );
}
