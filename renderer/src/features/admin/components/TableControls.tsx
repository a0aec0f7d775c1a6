import { useTranslation } from 'react-i18next';
import { ADMIN_NAMESPACE } from '../i18n';

/** The search box above an admin table. */
export function TableSearch({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  return (
    <input
      className="input admin-search"
      type="search"
      placeholder={t('table.search')}
      aria-label={t('table.search')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    />
  );
}

/** Previous / page N of M / next, below an admin table. */
export function Pager({
  page,
  pages,
  onPage,
  testId,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  testId: string;
}) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  if (pages <= 1) return null;
  return (
    <nav className="pager" data-testid={testId}>
      <button
        type="button"
        className="button button--ghost"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid={`${testId}-previous`}
      >
        {t('table.previous')}
      </button>
      <span data-testid={`${testId}-page`}>{t('table.page', { page, pages })}</span>
      <button
        type="button"
        className="button button--ghost"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid={`${testId}-next`}
      >
        {t('table.next')}
      </button>
    </nav>
  );
}
