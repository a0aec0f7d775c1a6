import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AudioSeam } from '../../media/audio-seam';

export type CaptionMetrics = {
  finalQueued(): void;
  finalSettled(): void;
  /** A final reached the room; `sinceSpeechEndMs` is the time from the end of speech (the latency people feel). */
  finalDelivered(sinceSpeechEndMs: number | undefined): void;
  pendingFinals(): number;
};

/** `meetai_ai_*`: live taps, the finals waiting for the engine, and end-of-speech → caption latency. */
export function registerCaptionMetrics(registry: Registry, seam: AudioSeam): CaptionMetrics {
  let pending = 0;
  new Gauge({
    name: 'meetai_ai_live_taps',
    help: 'Audio producers being listened to for captions',
    registers: [registry],
    collect() {
      this.set(seam.tapCount);
    },
  });
  new Gauge({
    name: 'meetai_ai_pending_finals',
    help: 'Utterances that ended and wait for their final caption',
    registers: [registry],
    collect() {
      this.set(pending);
    },
  });
  const finals = new Counter({
    name: 'meetai_ai_captions_final_total',
    help: 'Final captions sent',
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'meetai_ai_caption_latency_seconds',
    help: 'From the end of speech to the final caption being sent to the room',
    buckets: [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10],
    registers: [registry],
  });
  return {
    finalQueued: () => {
      pending += 1;
    },
    finalSettled: () => {
      pending = Math.max(0, pending - 1);
    },
    finalDelivered: (sinceSpeechEndMs) => {
      finals.inc();
      if (sinceSpeechEndMs !== undefined) latency.observe(sinceSpeechEndMs / 1000);
    },
    pendingFinals: () => pending,
  };
}
