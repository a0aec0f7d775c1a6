import { MONITORING_PORTS } from '../constants';
import { HealthTargetNameSchema, type HealthTarget, type HealthTargetName } from '../contracts/rest/admin-health';
import { hostOf } from './failure-sentence';

const MONITORING_TARGETS = Object.keys(MONITORING_PORTS) as (keyof typeof MONITORING_PORTS)[];

/**
 * The seed's map: every service and the AI worker answer through the gateway
 * (modules of its process, or proxied to their ports by nginx when split), and
 * the monitoring stack listens on its ports (8801-8805) of `monitoringHost`,
 * by default the gateway's host.
 */
export function defaultHealthTargets(gatewayUrl: string, monitoringHost = hostOf(gatewayUrl)): HealthTarget[] {
  const gateway = gatewayUrl.replace(/\/+$/, '');
  return HealthTargetNameSchema.options.map((name: HealthTargetName) => {
    const port = (MONITORING_TARGETS as string[]).includes(name)
      ? MONITORING_PORTS[name as keyof typeof MONITORING_PORTS]
      : undefined;
    return { name, url: port ? `http://${monitoringHost}:${port}` : gateway };
  });
}

/** `base` with `overrides` put in by name (targets not named keep their address). */
export function withTargetUrls(
  base: HealthTarget[],
  overrides: Partial<Record<HealthTargetName, string>>,
): HealthTarget[] {
  return base.map((target) => ({ ...target, url: overrides[target.name] ?? target.url }));
}
