import { z } from 'zod';
import type { FiringAlert, FiringAlerts } from '../contracts/rest/admin-monitoring';
import { describeHttpStatus } from './failure-sentence';
import { httpGet } from './http-get';

/** The fields of Alertmanager's `/api/v2/alerts` items that admin mode shows. */
const AlertsAnswerSchema = z.array(
  z.object({
    fingerprint: z.string(),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()).default({}),
    startsAt: z.string(),
    status: z.object({ state: z.string() }),
  }),
);

export type AlertsOptions = { timeoutMs?: number; now?: () => Date };

/** Firing alerts (active, not silenced or inhibited), newest first; `down` with the reason when Alertmanager does not answer. */
export async function fetchFiringAlerts(baseUrl: string, options: AlertsOptions = {}): Promise<FiringAlerts> {
  const base = { source_url: baseUrl, checked_at: (options.now ?? (() => new Date()))().toISOString() };
  if (!baseUrl) return { ...base, status: 'down', message: 'no Alertmanager address set', alerts: [] };
  const outcome = await httpGet(
    `${baseUrl}/api/v2/alerts?active=true&silenced=false&inhibited=false`,
    options.timeoutMs ?? 3000,
  );
  if (!outcome.ok) return { ...base, status: 'down', message: outcome.sentence, alerts: [] };
  if (outcome.status >= 400) {
    return { ...base, status: 'down', message: describeHttpStatus(outcome.status, outcome.statusText), alerts: [] };
  }
  let parsed;
  try {
    parsed = AlertsAnswerSchema.safeParse(JSON.parse(outcome.body));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    return { ...base, status: 'down', message: 'answered something that is not Alertmanager’s alert list', alerts: [] };
  }
  const alerts = parsed.data
    .map((a): FiringAlert => ({
      fingerprint: a.fingerprint,
      name: a.labels.alertname ?? '(unnamed)',
      severity: a.labels.severity ?? null,
      summary: a.annotations.summary ?? a.annotations.description ?? null,
      state: a.status.state,
      starts_at: a.startsAt,
      labels: a.labels,
    }))
    .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
  return { ...base, status: 'up', message: null, alerts };
}
