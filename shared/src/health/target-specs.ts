import { AiHealthSchema } from '../contracts/ai/asr';
import type { HealthTargetName, TargetGroup } from '../contracts/rest/admin-health';
import { HealthReportSchema, type HealthReport } from '../contracts/rest/health';
import { describeHttpStatus } from './failure-sentence';
import type { HttpAnswer } from './http-get';

export type Verdict = { status: 'up' | 'degraded' | 'down'; message: string | null };

/** What to fetch for a target (paths under its base address) and how to read the answers. */
export type TargetSpec = {
  group: TargetGroup;
  paths: readonly string[];
  read(answers: HttpAnswer[]): Verdict;
};

/** A reading that cannot go on stops with its verdict. */
class Stop extends Error {
  constructor(readonly verdict: Verdict) {
    super(verdict.message ?? verdict.status);
  }
}
const down = (message: string): never => {
  throw new Stop({ status: 'down', message });
};

function snippet(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function looksLikeHtml(answer: HttpAnswer): boolean {
  return answer.contentType.includes('html') || /^\s*<(!doctype|html)/i.test(answer.body);
}

/** The answer's JSON, or a sentence saying what came instead. */
function json(answer: HttpAnswer): unknown {
  if (looksLikeHtml(answer)) {
    return down(
      answer.status >= 400
        ? `${describeHttpStatus(answer.status, answer.statusText)} (HTML)`
        : 'answered HTML, not JSON',
    );
  }
  try {
    return JSON.parse(answer.body);
  } catch {
    if (answer.status >= 400) return down(describeHttpStatus(answer.status, answer.statusText));
    return down(answer.body.trim() ? `answered text, not JSON: "${snippet(answer.body)}"` : 'answered an empty body');
  }
}

function failIfHttpError(answer: HttpAnswer): void {
  if (answer.status < 400) return;
  const text = looksLikeHtml(answer) ? '' : snippet(answer.body);
  down(`${describeHttpStatus(answer.status, answer.statusText)}${text ? `: "${text}"` : ''}`);
}

/** A plain-text health answer that must say `expected` (so another program on that port is not taken for it). */
function expectText(answer: HttpAnswer, expected: RegExp, software: string): void {
  failIfHttpError(answer);
  if (looksLikeHtml(answer)) down(`answered HTML, not ${software}'s health text`);
  if (!expected.test(answer.body)) down(`something else answers here: "${snippet(answer.body)}"`);
}

/** A MeetAI `/health` report (it answers 503 with a report when a critical check is down). */
function report(answer: HttpAnswer): HealthReport {
  const parsed = HealthReportSchema.safeParse(json(answer));
  if (parsed.success) return parsed.data;
  failIfHttpError(answer);
  return down('answered JSON that is not a MeetAI health report');
}

const STATUS_OF = { ok: 'up', degraded: 'degraded', down: 'down' } as const;

function failingChecks(r: HealthReport): string {
  return Object.entries(r.checks)
    .filter(([, check]) => check.status !== 'ok')
    .map(([name, check]) => `${name} ${check.status}${check.message ? `: ${check.message}` : ''}`)
    .join('; ');
}

/** One module of a MeetAI process, read from that process's `/health` checks. */
function moduleCheck(check: string, whenMissing: (r: HealthReport) => string): TargetSpec {
  return {
    group: 'core',
    paths: ['/health'],
    read([answer]) {
      const r = report(answer as HttpAnswer);
      const found = r.checks[check];
      if (!found) return { status: 'down', message: whenMissing(r) };
      return { status: STATUS_OF[found.status], message: found.message ?? null };
    },
  };
}

const notMounted = (module: string) => (r: HealthReport) =>
  `no ${module} module here: this address answers as "${r.service}" without a "${module}" check`;

/** Trace and log export are server settings, reported as gateway checks only while switched on. */
function exportCheck(check: string, offSentence: string): TargetSpec {
  return { ...moduleCheck(check, () => offSentence), group: 'monitoring' };
}

export const TARGET_SPECS: Record<HealthTargetName, TargetSpec> = {
  gateway: {
    group: 'core',
    paths: ['/health'],
    read([answer]) {
      const r = report(answer as HttpAnswer);
      const about = `${r.service} ${r.version}, up ${r.uptime_s} s`;
      if (r.status === 'ok') return { status: 'up', message: about };
      return { status: STATUS_OF[r.status], message: failingChecks(r) || about };
    },
  },
  user: moduleCheck('auth', notMounted('auth')),
  meeting: moduleCheck('meetings', notMounted('meetings')),
  signaling: moduleCheck('signaling', notMounted('signaling')),
  media: moduleCheck('media', notMounted('media')),
  ai: moduleCheck('ai', notMounted('ai')),
  'ai-worker': {
    group: 'core',
    paths: ['/api/v1/ai/health'],
    read([answer]) {
      const a = answer as HttpAnswer;
      if (a.status === 404) down('no AI service at this address (404 on /api/v1/ai/health)');
      const body = json(a) as { data?: unknown };
      failIfHttpError(a);
      const parsed = AiHealthSchema.safeParse(body?.data);
      if (!parsed.success) return down('answered JSON that is not an AI health report');
      const ai = parsed.data;
      const queue = `${ai.queued_utterances} queued, ${ai.live_taps} live taps`;
      const engine = ai.asr ? `speech engine ${ai.asr}` : 'no speech engine';
      return { status: ai.status, message: ai.status === 'up' ? `${engine}; ${queue}` : (ai.message ?? queue) };
    },
  },
  traces: exportCheck('traces', 'off: the server exports no traces (set OTEL_EXPORTER_OTLP_ENDPOINT)'),
  logs: exportCheck('logs', 'off: the server ships no logs to Loki (set LOKI_URL)'),
  jaeger: {
    group: 'monitoring',
    paths: ['/api/services'],
    read([answer]) {
      const a = answer as HttpAnswer;
      const body = json(a) as { data?: unknown };
      failIfHttpError(a);
      if (!Array.isArray(body?.data)) return down('answered JSON, but not Jaeger’s service list');
      return { status: 'up', message: `${body.data.length} traced services` };
    },
  },
  prometheus: {
    group: 'monitoring',
    paths: ['/-/healthy', '/-/ready'],
    read([healthy, ready]) {
      expectText(healthy as HttpAnswer, /prometheus/i, 'Prometheus');
      const r = ready as HttpAnswer;
      if (r.status === 503) return { status: 'degraded', message: `healthy but not ready: "${snippet(r.body)}"` };
      expectText(r, /ready/i, 'Prometheus');
      return { status: 'up', message: null };
    },
  },
  alertmanager: {
    group: 'monitoring',
    paths: ['/-/healthy', '/-/ready'],
    read([healthy, ready]) {
      expectText(healthy as HttpAnswer, /^\s*ok\s*$/i, 'Alertmanager');
      const r = ready as HttpAnswer;
      if (r.status === 503) return { status: 'degraded', message: `healthy but not ready: "${snippet(r.body)}"` };
      expectText(r, /^\s*ok\s*$/i, 'Alertmanager');
      return { status: 'up', message: null };
    },
  },
  grafana: {
    group: 'monitoring',
    paths: ['/api/health'],
    read([answer]) {
      const a = answer as HttpAnswer;
      const body = json(a) as { database?: unknown; version?: unknown };
      failIfHttpError(a);
      if (typeof body?.database !== 'string') return down('answered JSON, but not Grafana’s health');
      if (body.database !== 'ok') return { status: 'degraded', message: `database: ${body.database}` };
      return { status: 'up', message: typeof body.version === 'string' ? `Grafana ${body.version}` : null };
    },
  },
  loki: {
    group: 'monitoring',
    paths: ['/ready'],
    read([answer]) {
      const a = answer as HttpAnswer;
      if (a.status === 503 && !looksLikeHtml(a))
        return { status: 'degraded', message: `not ready: "${snippet(a.body)}"` };
      expectText(a, /ready/i, 'Loki');
      return { status: 'up', message: null };
    },
  },
};

/** Runs a spec's reading; a reading that stopped gives its verdict. */
export function readAnswers(spec: TargetSpec, answers: HttpAnswer[]): Verdict {
  try {
    return spec.read(answers);
  } catch (error) {
    if (error instanceof Stop) return error.verdict;
    return { status: 'down', message: `could not read the answer: ${(error as Error).message}` };
  }
}
