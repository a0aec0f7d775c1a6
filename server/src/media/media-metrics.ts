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
  const streams = () => {
    const sum = { producers: { audio: 0, video: 0 }, consumers: { audio: 0, video: 0 } };
    for (const room of rooms.all()) {
      const s = room.streamsByKind();
      for (const side of ['producers', 'consumers'] as const)
        for (const kind of ['audio', 'video'] as const) sum[side][kind] += s[side][kind];
    }
    return sum;
  };
  for (const side of ['producers', 'consumers'] as const) {
    new Gauge({
      name: `meetai_media_${side}_by_kind`,
      help: `Open ${side} by media kind`,
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        const counts = streams()[side];
        this.set({ kind: 'audio' }, counts.audio);
        this.set({ kind: 'video' }, counts.video);
      },
    });
  }
  // Per worker process: CPU as a counter (Prometheus rates it), memory as its peak resident set.
  new Counter({
    name: 'meetai_media_worker_cpu_seconds_total',
    help: 'CPU time (user + system) used by each mediasoup worker',
    labelNames: ['pid'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { pid, usage } of await pool.resourceUsage())
        this.inc({ pid: String(pid) }, (usage.ru_utime + usage.ru_stime) / 1000);
    },
  });
  new Gauge({
    name: 'meetai_media_worker_max_rss_bytes',
    help: 'Peak resident memory of each mediasoup worker (getrusage ru_maxrss)',
    labelNames: ['pid'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { pid, usage } of await pool.resourceUsage()) this.set({ pid: String(pid) }, usage.ru_maxrss * 1024);
    },
  });
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
