import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Figure } from '@meetai/shared';
import { createLogger } from '../../../lib/logger';

const log = createLogger('admin-figures');

/** The figure's value in its unit: `3`, `0.42 s`, `1.2%`. */
export function formatFigure(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '—';
  if (unit === 'seconds') return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`;
  if (unit === 'ratio') return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A design token's value: a canvas cannot resolve `var(--…)` itself. */
function token(element: HTMLElement, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || '#3f5bd9';
}

/** A small line chart of one figure over the range (uPlot on a canvas), its latest value beside the title. */
export function FigureChart({ figure, title, emptyLabel }: { figure: Figure; title: string; emptyLabel: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || figure.points.length === 0) return undefined;
    let chart: uPlot | undefined;
    let isGone = false;
    // Loaded on first use: uPlot reads the screen's pixel ratio when it loads, which a test's DOM does not have.
    import('uplot')
      .then(({ default: UPlot }) => {
        if (isGone) return;
        chart = new UPlot(
          {
            width: 220,
            height: 64,
            legend: { show: false },
            cursor: { show: false },
            axes: [{ show: false }, { show: false }],
            scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
            series: [
              {},
              { stroke: token(element, '--color-accent'), width: 1.5, fill: token(element, '--color-accent-soft') },
            ],
          },
          [figure.points.map(([t]) => t), figure.points.map(([, v]) => v)],
          element,
        );
      })
      .catch((error: unknown) => {
        // No canvas here (a test's DOM): the value beside the title still says it.
        log.debug('chart | not drawn', error);
      });
    return () => {
      isGone = true;
      chart?.destroy();
    };
  }, [figure]);
  return (
    <figure className="figure-chart" data-testid="figure" data-figure={figure.id} data-value={figure.value ?? ''}>
      <figcaption>
        <span>{title}</span>
        <strong data-testid="figure-value">{formatFigure(figure.value, figure.unit)}</strong>
      </figcaption>
      {figure.points.length ? (
        <div ref={holder} className="figure-chart__plot" />
      ) : (
        <p className="muted">{emptyLabel}</p>
      )}
    </figure>
  );
}
