import type { HealthProbeRequest, HealthSweep } from '@meetai/shared';
import { probeTargets } from '@meetai/shared/health/index';
import { HandlerGroup, type SenderTrust } from './handle';

const handlers = new HandlerGroup();

/**
 * Admin mode's health sweep, run here rather than in the page: main's fetch
 * has no CORS between it and the monitoring ports. The request schema already
 * limits the targets to named http(s) addresses; the probes are the shared ones
 * the gateway runs for the browser build.
 */
export function register(
  trust: SenderTrust,
  probe: (request: HealthProbeRequest) => Promise<HealthSweep> = probeTargets,
): void {
  handlers.add('health:probe', (request) => probe(request), trust);
}

export function dispose(): void {
  handlers.dispose();
}
