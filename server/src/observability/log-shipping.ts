import pino, { type DestinationStream, type Level } from 'pino';
import { pinoLoki } from 'pino-loki';
import { describeHttpStatus, httpGet } from '@meetai/shared';
import type { CheckResult } from './health-registry';

/**
 * Where the server's log lines go: standard output always, and Loki's push
 * API as well when LOKI_URL is set (batched every 2 s, labelled with the
 * service, errors of the shipping itself kept off the log it ships).
 */
export function logDestination(options: {
  lokiUrl: string | undefined;
  serviceName: string;
  level: string;
}): DestinationStream | undefined {
  if (!options.lokiUrl) return undefined;
  const level = (options.level === 'silent' ? 'fatal' : options.level) as Level;
  return pino.multistream([
    { stream: process.stdout, level },
    {
      stream: pinoLoki({
        host: options.lokiUrl,
        labels: { service: options.serviceName },
        batching: { interval: 2 },
        silenceErrors: true,
      }),
      level,
    },
  ]);
}

/** The `logs` health check: shipping is only as good as Loki's readiness to take the lines. */
export function lokiCheck(lokiUrl: string): () => Promise<CheckResult> {
  return async () => {
    const answer = await httpGet(`${lokiUrl}/ready`, 1500);
    if (!answer.ok) return { status: 'degraded', message: `shipping to ${lokiUrl}, but ${answer.sentence}` };
    if (answer.status >= 400) {
      const why = describeHttpStatus(answer.status, answer.statusText);
      return { status: 'degraded', message: `shipping to ${lokiUrl}, which ${why}`, latency_ms: answer.latencyMs };
    }
    return { status: 'ok', message: `on: shipping to ${lokiUrl}`, latency_ms: answer.latencyMs };
  };
}
