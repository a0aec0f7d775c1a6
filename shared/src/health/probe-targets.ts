import {
  PROBE_TIMEOUT_MS,
  type HealthProbeRequest,
  type HealthSweep,
  type HealthTarget,
  type ProbeResult,
} from '../contracts/rest/admin-health';
import { formatDuration } from './failure-sentence';
import { httpGet, monotonicMs, type HttpAnswer, type HttpOutcome } from './http-get';
import { TARGET_SPECS, readAnswers, type Verdict } from './target-specs';

export type ProbeOptions = {
  /** An answer slower than this makes an up target `degraded` (default: half the timeout). */
  slowMs?: number;
  now?: () => Date;
};

/**
 * Probes every target at once, each with its own deadline, so a sweep with
 * several targets down takes about one timeout, never their sum. Targets that
 * read the same address (the gateway's `/health` serves the gateway and every
 * module mounted in it) share one request.
 */
export async function probeTargets(request: HealthProbeRequest, options: ProbeOptions = {}): Promise<HealthSweep> {
  const timeoutMs = request.timeout_ms ?? PROBE_TIMEOUT_MS.default;
  const slowMs = options.slowMs ?? timeoutMs / 2;
  const now = options.now ?? (() => new Date());
  const started = monotonicMs();
  const inFlight = new Map<string, Promise<HttpOutcome>>();
  const get = (url: string) => {
    let pending = inFlight.get(url);
    if (!pending) {
      pending = httpGet(url, timeoutMs);
      inFlight.set(url, pending);
    }
    return pending;
  };

  const targets = await Promise.all(request.targets.map((target) => probeOne(target, { get, timeoutMs, slowMs, now })));
  return {
    ...overall(targets),
    checked_at: now().toISOString(),
    duration_ms: Math.round(monotonicMs() - started),
    timeout_ms: timeoutMs,
    targets,
  };
}

type OneContext = {
  get: (url: string) => Promise<HttpOutcome>;
  timeoutMs: number;
  slowMs: number;
  now: () => Date;
};

async function probeOne(target: HealthTarget, ctx: OneContext): Promise<ProbeResult> {
  const spec = TARGET_SPECS[target.name];
  const base = { name: target.name, group: spec.group };
  if (!target.url) {
    return {
      ...base,
      url: '',
      status: 'unknown',
      http_status: null,
      latency_ms: null,
      checked_at: ctx.now().toISOString(),
      message: 'no address set',
    };
  }
  const urls = spec.paths.map((path) => `${target.url}${path}`);
  const outcomes = await Promise.all(urls.map(ctx.get));
  const latency = Math.max(...outcomes.map((o) => o.latencyMs));
  const failedAt = outcomes.findIndex((o) => !o.ok);
  const answers = outcomes.filter((o): o is HttpAnswer => o.ok);
  const lastAnswer = answers.at(-1);
  let verdict: Verdict;
  if (failedAt >= 0) {
    const failure = outcomes[failedAt] as Extract<HttpOutcome, { ok: false }>;
    verdict = { status: 'down', message: failure.sentence };
  } else {
    verdict = readAnswers(spec, answers);
    if (verdict.status === 'up' && latency > ctx.slowMs) {
      verdict = {
        status: 'degraded',
        message: `slow: answered in ${formatDuration(latency)} (over ${formatDuration(ctx.slowMs)})`,
      };
    }
  }
  return {
    ...base,
    url: urls[failedAt >= 0 ? failedAt : urls.length - 1] as string,
    status: verdict.status,
    http_status: lastAnswer?.status ?? null,
    latency_ms: Math.round(latency),
    checked_at: ctx.now().toISOString(),
    message: verdict.message,
  };
}

function overall(targets: ProbeResult[]): Pick<HealthSweep, 'status' | 'monitoring_status'> {
  const core = targets.filter((t) => t.group === 'core' && t.status !== 'unknown');
  const gateway = targets.find((t) => t.name === 'gateway');
  const status =
    gateway?.status === 'down' ? 'down' : core.every((t) => t.status === 'up') ? 'up' : ('degraded' as const);
  const monitoring = targets.filter((t) => t.group === 'monitoring' && t.status !== 'unknown');
  const monitoringStatus =
    monitoring.length === 0
      ? 'unknown'
      : monitoring.every((t) => t.status === 'up')
        ? 'up'
        : monitoring.every((t) => t.status === 'down')
          ? 'down'
          : ('degraded' as const);
  return { status, monitoring_status: monitoringStatus };
}
