import { Counter, Gauge, type Registry } from 'prom-client';
import type { MeetingHubs } from './meeting-hubs';

/**
 * Told of each request frame by the message router: `begin` when it arrives,
 * then the returned function with its method (a protocol method, or
 * `unknown`) and its error code (null when it succeeded).
 */
export interface RequestObserver {
  begin(): (method: string, errorCode: string | null) => void;
}

/** Several observers as one (metrics, and spans when tracing is on). */
export function observeAll(...observers: (RequestObserver | undefined)[]): RequestObserver {
  const present = observers.filter((o): o is RequestObserver => o !== undefined);
  return {
    begin() {
      const finishers = present.map((o) => o.begin());
      return (method, errorCode) => finishers.forEach((finish) => finish(method, errorCode));
    },
  };
}

/**
 * `meetai_signaling_*` and the live meetings: requests by method and refusals
 * by error code, peers and rooms read when Prometheus scrapes.
 */
export function registerSignalingMetrics(registry: Registry, hubs: MeetingHubs): RequestObserver {
  new Gauge({
    name: 'meetai_meetings_live',
    help: 'Meetings with a live room (someone connected or within their reconnection grace)',
    registers: [registry],
    collect() {
      this.set(hubs.all().length);
    },
  });
  new Gauge({
    name: 'meetai_signaling_peers',
    help: 'Participants in live rooms (one per connection, kept through the reconnection grace)',
    registers: [registry],
    collect() {
      this.set(hubs.peerCount);
    },
  });
  const messages = new Counter({
    name: 'meetai_signaling_messages_total',
    help: 'Signaling request frames received, by method',
    labelNames: ['method'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'meetai_signaling_errors_total',
    help: 'Signaling requests answered with an error, by error code',
    labelNames: ['code'],
    registers: [registry],
  });
  return {
    begin: () => (method, errorCode) => {
      messages.inc({ method });
      if (errorCode) errors.inc({ code: errorCode });
    },
  };
}
