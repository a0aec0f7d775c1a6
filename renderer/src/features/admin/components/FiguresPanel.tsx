import { useTranslation } from 'react-i18next';
import type { Figures } from '@meetai/shared';
import { Notice } from '../../../ui/Feedback';
import { ADMIN_NAMESPACE } from '../i18n';
import { FigureChart } from './FigureChart';

/** Prometheus's figures as small charts, or in words why there are none. */
export function FiguresPanel({ figures }: { figures: Figures | null }) {
  const { t } = useTranslation(ADMIN_NAMESPACE);
  return (
    <section className="admin-section" data-testid="figures-panel" data-status={figures?.status ?? 'unknown'}>
      <h2>{t('figures.title')}</h2>
      {figures?.status === 'down' ? (
        <Notice tone="warning" testId="figures-unreachable">
          {t('figures.unreachable', { reason: figures.message ?? '' })}
        </Notice>
      ) : null}
      {figures?.status === 'up' ? (
        <div className="figures-grid">
          {figures.figures.map((figure) => (
            <FigureChart
              key={figure.id}
              figure={figure}
              title={t(`figures.${figure.id}`)}
              emptyLabel={t('figures.empty')}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
