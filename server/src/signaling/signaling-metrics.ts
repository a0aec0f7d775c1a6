import { Counter, Gauge, type Registry } from 'prom-client';
import { isSignalingMethod } from '@meetai/shared';
import type { MeetingHubs } from './meeting-hubs';

/** What the message router reports for each request frame. */
export interface RequestCounter {
  /** `method` as the client named it; `errorCode` null when the request succeeded. */
  countRequest(method: string | null, errorCode: string | null): void;
}

/**
 * `meetai_signaling_*` and the live meetings: requests by method and refusals
 * by error code (methods outside the protocol count as `unknown`, so a client
 * cannot grow the label set), peers and rooms read when Prometheus scrapes.
 */
export function registerSignalingMetrics(registry: Registry, hubs: MeetingHubs): RequestCounter {
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
    countRequest(method, errorCode) {
      messages.inc({ method: method && isSignalingMethod(method) ? method : 'unknown' });
      if (errorCode) errors.inc({ code: errorCode });
    },
  };
}
