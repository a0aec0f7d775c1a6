import { z } from 'zod';
import type { Figure, FigureId, Figures } from '../contracts/rest/admin-monitoring';
import { describeHttpStatus } from './failure-sentence';
import { httpGet } from './http-get';

type FigureQuery = { id: FigureId; unit: Figure['unit']; query: string };

/**
 * PromQL behind each figure, over the server's own metrics (see
 * server/src/observability). Each is summed over instances, so a split
 * deployment reads the same as one process.
 */
export const FIGURE_QUERIES: readonly FigureQuery[] = [
  { id: 'meetings', unit: 'count', query: 'sum(meetai_meetings_live)' },
  { id: 'participants', unit: 'count', query: 'sum(meetai_signaling_peers)' },
  // Every consumer is one stream the SFU forwards to someone.
  { id: 'streams', unit: 'count', query: 'sum(meetai_media_consumers)' },
  {
    id: 'caption_latency_p50',
    unit: 'seconds',
    query: 'histogram_quantile(0.5, sum by (le) (rate(meetai_ai_caption_latency_seconds_bucket[5m])))',
  },
  {
    id: 'caption_latency_p95',
    unit: 'seconds',
    query: 'histogram_quantile(0.95, sum by (le) (rate(meetai_ai_caption_latency_seconds_bucket[5m])))',
  },
  {
    id: 'error_rate',
    unit: 'ratio',
    query: 'sum(rate(http_requests_total{status_code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
  },
  { id: 'ai_queue', unit: 'count', query: 'sum(meetai_ai_pending_finals)' },
  // CPU seconds per second across the mediasoup workers: 1 = one core busy.
  { id: 'worker_cpu', unit: 'ratio', query: 'sum(rate(meetai_media_worker_cpu_seconds_total[1m]))' },
];

const MatrixSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ values: z.array(z.tuple([z.number(), z.string()])) })),
  }),
});

export type FiguresOptions = { rangeS?: number; stepS?: number; timeoutMs?: number; now?: () => Date };

/** Prometheus sends `NaN` for a rate with no traffic and a quantile with no observations: no figure, not zero. */
function toPoints(values: [number, string][]): [number, number][] {
  return values.map(([t, v]) => [t, Number(v)] as [number, number]).filter(([, v]) => Number.isFinite(v));
}

/**
 * The figures over the last `rangeS` seconds from Prometheus's HTTP API
 * (`/api/v1/query_range`, all queries at once). When Prometheus does not
 * answer, `status: 'down'` with the reason; one query failing leaves that
 * figure empty.
 */
export async function fetchFigures(baseUrl: string, options: FiguresOptions = {}): Promise<Figures> {
  const rangeS = options.rangeS ?? 1800;
  const stepS = options.stepS ?? 30;
  const timeoutMs = options.timeoutMs ?? 3000;
  const checkedAt = (options.now ?? (() => new Date()))();
  const end = Math.floor(checkedAt.getTime() / 1000);
  const base = { source_url: baseUrl, checked_at: checkedAt.toISOString(), range_s: rangeS, step_s: stepS };
  if (!baseUrl) return { ...base, status: 'down', message: 'no Prometheus address set', figures: [] };

  const outcomes = await Promise.all(
    FIGURE_QUERIES.map((figure) =>
      httpGet(
        `${baseUrl}/api/v1/query_range?query=${encodeURIComponent(figure.query)}&start=${end - rangeS}&end=${end}&step=${stepS}`,
        timeoutMs,
      ),
    ),
  );
  const unreachable = outcomes.find((o) => !o.ok);
  if (unreachable && !unreachable.ok) return { ...base, status: 'down', message: unreachable.sentence, figures: [] };

  let failure: string | null = null;
  const figures = FIGURE_QUERIES.map((figure, i): Figure => {
    const outcome = outcomes[i];
    const empty: Figure = { id: figure.id, unit: figure.unit, value: null, points: [] };
    if (!outcome?.ok) return empty;
    let parsed;
    try {
      parsed = MatrixSchema.safeParse(JSON.parse(outcome.body));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      failure ??=
        outcome.status >= 400
          ? `${describeHttpStatus(outcome.status, outcome.statusText)} to ${figure.id}`
          : 'answered something that is not Prometheus’s query API';
      return empty;
    }
    const points = toPoints(parsed.data.data.result[0]?.values ?? []);
    return { ...empty, points, value: points.at(-1)?.[1] ?? null };
  });
  // Every query refused: whatever answers is not a Prometheus we can use.
  if (failure && figures.every((f) => f.points.length === 0)) {
    return { ...base, status: 'down', message: failure, figures: [] };
  }
  return { ...base, status: 'up', message: failure, figures };
}
