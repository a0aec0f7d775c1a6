import type { FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import type { HealthRegistry } from '../observability/health-registry';
import { InProcessAudioSeam, type AudioSeam } from './audio-seam';
import { registerMediaMetrics } from './media-metrics';
import type { MediaSettings } from './media-settings';
import { RoomRegistry } from './room-registry';
import { WorkerPool } from './worker-pool';

/** The SFU as the other modules see it: signaling drives the rooms, captions listen through the audio seam. */
export type MediaLayer = {
  rooms: RoomRegistry;
  audio: AudioSeam;
  close(): void;
};

export async function startMediaLayer(
  settings: MediaSettings,
  deps: { log: FastifyBaseLogger; metrics: Registry; health: HealthRegistry },
): Promise<MediaLayer> {
  const log = deps.log.child({ module: 'media' });
  const pool = new WorkerPool(settings, log);
  await pool.start();
  const rooms = new RoomRegistry(pool, settings, log);
  const audio = new InProcessAudioSeam(rooms, settings.tapListenIp, log);

  registerMediaMetrics(deps.metrics, pool, rooms);
  deps.health.add('media', async () => {
    const detail = `${pool.size} of ${pool.expectedSize} mediasoup workers running${pool.size ? ` (pid ${pool.pids.join(', ')})` : ''}`;
    if (pool.size === 0) return { status: 'down', message: `${detail}${pool.lastError ? `: ${pool.lastError}` : ''}` };
    return { status: pool.size < pool.expectedSize ? 'degraded' : 'ok', message: detail };
  });

  return {
    rooms,
    audio,
    close() {
      rooms.close();
      pool.close();
    },
  };
}
