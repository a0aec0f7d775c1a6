import os from 'node:os';
import type { types as ms } from 'mediasoup';

/** How the SFU runs on this machine; read from MEDIASOUP_* env by the app's config. */
export type MediaSettings = {
  /** Number of mediasoup workers (C++ processes); one per core by default. */
  workers: number;
  /** Address the RTC sockets bind to. */
  listenIp: string;
  /** Address given to clients in ICE candidates (what they can reach). */
  announcedIp: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  logLevel: ms.WorkerLogLevel;
  /** Bits per second one send transport may bring in (all its producers); the client is told to stay below. */
  maxIncomingBitrate: number;
  /** Address the audio taps' PlainTransports bind to: loopback, or one that reaches a separate AI host. */
  tapListenIp: string;
};

/**
 * The first external IPv4 address, which is what a client on the LAN can
 * reach when we bind to 0.0.0.0; loopback when the machine has none.
 */
export function defaultAnnouncedIp(interfaces = os.networkInterfaces()): string {
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return '127.0.0.1';
}

export function defaultMediaSettings(): MediaSettings {
  return {
    workers: Math.max(1, os.cpus().length),
    listenIp: '0.0.0.0',
    announcedIp: defaultAnnouncedIp(),
    rtcMinPort: 40000,
    rtcMaxPort: 49999,
    logLevel: 'warn',
    // A webcam in three simulcast layers (~1.9 Mb/s), a screen (~2.5 Mb/s) and audio, with headroom.
    maxIncomingBitrate: 6_000_000,
    tapListenIp: '127.0.0.1',
  };
}
