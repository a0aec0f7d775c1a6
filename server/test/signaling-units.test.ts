import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../src/config';
import { defaultAnnouncedIp } from '../src/media/media-settings';
import { TicketStore } from '../src/signaling/ticket-store';
import { TokenBucket } from '../src/signaling/token-bucket';

const user = { id: 7, username: 'u', role: 'user' as const, sessionId: 's' };

describe('signaling tickets', () => {
  it('redeem once, within their lifetime, with the claim they were issued for', () => {
    let now = 1_000;
    const store = new TicketStore(30_000, () => now);
    const issued = store.issue({ user, meetingId: 5, peerId: 'p1' })!;
    expect(issued.expiresAt.getTime()).toBe(31_000);
    expect(store.redeem(issued.ticket)).toEqual({ user, meetingId: 5, peerId: 'p1' });
    expect(store.redeem(issued.ticket)).toBeUndefined();

    const late = store.issue({ user, meetingId: 5, peerId: 'p2' })!;
    now += 30_000;
    expect(store.redeem(late.ticket)).toBeUndefined();
    expect(store.redeem('never-issued')).toBeUndefined();
  });

  it('caps the unused tickets one user may hold', () => {
    const store = new TicketStore();
    const issued = Array.from({ length: 25 }, (_, i) => store.issue({ user, meetingId: 1, peerId: `p${i}` }));
    expect(issued.filter(Boolean)).toHaveLength(20);
    expect(store.issue({ user: { ...user, id: 8 }, meetingId: 1, peerId: 'other' })).toBeDefined();
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills over time', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });
});

describe('media and signaling configuration', () => {
  it('reads MEDIASOUP_* and SIGNALING_* with defaults, and refuses a reversed port range', () => {
    const config = loadConfig({
      MEDIASOUP_WORKERS: '3',
      MEDIASOUP_ANNOUNCED_IP: '203.0.113.9',
      SIGNALING_RECONNECT_GRACE_MS: '5000',
    });
    expect(config.media).toMatchObject({
      workers: 3,
      listenIp: '0.0.0.0',
      announcedIp: '203.0.113.9',
      rtcMinPort: 40000,
      rtcMaxPort: 49999,
      maxIncomingBitrate: 6_000_000,
    });
    expect(config.signaling).toEqual({
      maxMessageBytes: 65536,
      reconnectGraceMs: 5000,
      heartbeatMs: 10000,
      limits: { peersPerMeeting: 100, socketsPerUser: 5, producersPerPeer: 4, chatMessages: { max: 10, windowS: 10 } },
      chat: { keepPerMeeting: 1000, retentionS: 90 * 86_400 },
    });
    expect(config.services).toContain('signaling');
    expect(() => loadConfig({ MEDIASOUP_RTC_MIN_PORT: '5000', MEDIASOUP_RTC_MAX_PORT: '4000' })).toThrow(ConfigError);
    expect(() => loadConfig({ MEDIASOUP_LISTEN_IP: 'not-an-ip' })).toThrow(/MEDIASOUP_LISTEN_IP/);
    expect(() => loadConfig({ MEDIASOUP_WORKERS: '0' })).toThrow(/MEDIASOUP_WORKERS/);
  });

  it('reads the resource limits, and refuses values that make no sense', () => {
    const config = loadConfig({
      MEETING_MAX_PEERS: '12',
      SIGNALING_MAX_SOCKETS_PER_USER: '2',
      SIGNALING_MAX_PRODUCERS_PER_PEER: '2',
      CHAT_RATE_LIMIT: '5/1m',
      CHAT_HISTORY_MAX: '50',
      CHAT_RETENTION: '7d',
      MEDIASOUP_MAX_INCOMING_BITRATE: '3000000',
    });
    expect(config.signaling.limits).toEqual({
      peersPerMeeting: 12,
      socketsPerUser: 2,
      producersPerPeer: 2,
      chatMessages: { max: 5, windowS: 60 },
    });
    expect(config.signaling.chat).toEqual({ keepPerMeeting: 50, retentionS: 7 * 86_400 });
    expect(config.media.maxIncomingBitrate).toBe(3_000_000);
    expect(() => loadConfig({ MEETING_MAX_PEERS: '0' })).toThrow(/MEETING_MAX_PEERS/);
    expect(() => loadConfig({ CHAT_RATE_LIMIT: 'fast' })).toThrow(/CHAT_RATE_LIMIT/);
    expect(() => loadConfig({ CHAT_RATE_LIMIT: '0/10s' })).toThrow(/CHAT_RATE_LIMIT/);
    expect(() => loadConfig({ MEDIASOUP_MAX_INCOMING_BITRATE: '5000' })).toThrow(/MEDIASOUP_MAX_INCOMING_BITRATE/);
  });

  it('announces the first external IPv4 address, else loopback', () => {
    const lo = { address: '127.0.0.1', family: 'IPv4', internal: true } as const;
    const v6 = { address: 'fe80::1', family: 'IPv6', internal: false } as const;
    const lan = { address: '192.168.1.20', family: 'IPv4', internal: false } as const;
    const iface = (a: object) => ({ ...a, netmask: '', mac: '', cidr: null }) as never;
    expect(defaultAnnouncedIp({ lo: [iface(lo)], eth0: [iface(v6), iface(lan)] })).toBe('192.168.1.20');
    expect(defaultAnnouncedIp({ lo: [iface(lo)] })).toBe('127.0.0.1');
  });
});
