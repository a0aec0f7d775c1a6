import { Counter, Gauge, type Registry } from 'prom-client';
import type { RoomRegistry } from './room-registry';
import type { WorkerPool } from './worker-pool';

/**
 * SFU gauges, computed when Prometheus scrapes (no bookkeeping on the media
 * path), plus counters of worker deaths and room restarts.
 */
export function registerMediaMetrics(registry: Registry, pool: WorkerPool, rooms: RoomRegistry): void {
  const totals = () => {
    const sum = { peers: 0, transports: 0, producers: 0, consumers: 0 };
    for (const room of rooms.all()) {
      const s = room.stats();
      sum.peers += s.peers;
      sum.transports += s.transports;
      sum.producers += s.producers;
      sum.consumers += s.consumers;
    }
    return sum;
  };
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });

  gauge('meetai_media_workers', 'Live mediasoup worker processes', () => pool.size);
  gauge('meetai_media_rooms', 'Meetings with a live router', () => rooms.size);
  gauge('meetai_media_peers', 'Peers known to the media rooms', () => totals().peers);
  gauge('meetai_media_transports', 'Open WebRTC transports', () => totals().transports);
  gauge('meetai_media_producers', 'Open producers', () => totals().producers);
  gauge('meetai_media_consumers', 'Open consumers', () => totals().consumers);
  new Counter({
    name: 'meetai_media_worker_deaths_total',
    help: 'mediasoup workers that exited unexpectedly',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(pool.deaths);
    },
  });
  new Counter({
    name: 'meetai_media_room_restarts_total',
    help: 'Rooms moved to another worker after theirs died',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(rooms.restarts);
    },
  });
}
