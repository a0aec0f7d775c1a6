import type { AddressInfo } from 'node:net';
import { defaultHealthTargets, withTargetUrls, type HealthTarget, type HealthTargetName } from '@meetai/shared';

/**
 * The addresses the gateway probes: the seed's map seen from this machine
 * (itself on loopback at the port it listens on, the monitoring stack on
 * 127.0.0.1:8801-8805), with HEALTH_TARGETS put over it.
 */
export function serverTargets(
  address: AddressInfo | string | null,
  fallbackPort: number,
  overrides: Partial<Record<HealthTargetName, string>>,
): HealthTarget[] {
  const port = address && typeof address === 'object' ? address.port : fallbackPort;
  const host =
    address && typeof address === 'object' && !['0.0.0.0', '::', '::ffff:0.0.0.0'].includes(address.address)
      ? address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address
      : '127.0.0.1';
  return withTargetUrls(defaultHealthTargets(`http://${host}:${port}`, '127.0.0.1'), overrides);
}
