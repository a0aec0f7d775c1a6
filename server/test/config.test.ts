import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, SERVICE_NAMES, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8800,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:8800',
      jwtSecret: undefined,
      accessTokenTtlS: 900,
      refreshTokenTtlS: 30 * 86_400,
      refreshReuseGraceS: 20,
      admin: null,
      logLevel: 'info',
      services: [...SERVICE_NAMES],
    });
    expect(config.services).toEqual(expect.arrayContaining(['auth', 'meetings', 'web']));
    expect(config.dataDir.endsWith(`${path.sep}.data`)).toBe(true);
    expect(config.webDir.endsWith(path.join('renderer', 'dist'))).toBe(true);
  });

  it('reads durations, ports and the public URL', () => {
    const config = loadConfig({
      PORT: '9000',
      ACCESS_TOKEN_TTL: '90s',
      REFRESH_TOKEN_TTL: '7d',
      REFRESH_REUSE_GRACE: '0',
      PUBLIC_URL: 'https://meet.example.com/',
      DATA_DIR: 'relative/data',
    });
    expect(config).toMatchObject({
      port: 9000,
      accessTokenTtlS: 90,
      refreshTokenTtlS: 7 * 86_400,
      refreshReuseGraceS: 0,
      publicUrl: 'https://meet.example.com',
    });
    expect(config.dataDir).toBe(path.resolve('relative/data'));
  });

  it('a single service defaults to its seed port; PORT still wins', () => {
    expect(loadConfig({ SERVICES: 'auth' }).port).toBe(8080);
    expect(loadConfig({ SERVICES: 'meetings' }).port).toBe(8082);
    expect(loadConfig({ SERVICES: 'auth', PORT: '9100' }).port).toBe(9100);
    expect(loadConfig({ SERVICES: 'auth,meetings' }).port).toBe(8800);
    expect(loadConfig({ SERVICES: 'all' }).services).toEqual([...SERVICE_NAMES]);
  });

  it('trusts a proxy only when told to', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
  });

  it('reads the attempt and request limits', () => {
    expect(loadConfig({}).attemptLimits).toEqual({
      loginPerAccount: 5,
      loginPerIp: 30,
      passcodePerMeeting: 10,
      codeLookups: 20,
      windowS: 900,
      maxLockoutS: 86_400,
    });
    expect(loadConfig({}).rateLimits).toEqual({
      register: { max: 30, windowS: 3600 },
      refresh: { max: 60, windowS: 60 },
      ticket: { max: 60, windowS: 60 },
    });
    const config = loadConfig({ FAILURE_WINDOW: '5m', MAX_LOCKOUT: '1h', RATE_LIMIT_REGISTER: '5/10m' });
    expect(config.attemptLimits).toMatchObject({ windowS: 300, maxLockoutS: 3600 });
    expect(config.rateLimits.register).toEqual({ max: 5, windowS: 600 });
    // A maximum lockout shorter than the first one would shorten lockouts: the window wins.
    expect(loadConfig({ FAILURE_WINDOW: '1h', MAX_LOCKOUT: '10m' }).attemptLimits.maxLockoutS).toBe(3600);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', JWT_SECRET: '' })).toMatchObject({ port: 8800, jwtSecret: undefined });
  });

  it('makes the first admin from ADMIN_USERNAME and ADMIN_PASSWORD together', () => {
    expect(loadConfig({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'long enough 1' }).admin).toEqual({
      username: 'root',
      password: 'long enough 1',
      email: 'root@meetai.local',
    });
    expect(() => loadConfig({ ADMIN_USERNAME: 'root' })).toThrow(/both ADMIN_USERNAME and ADMIN_PASSWORD/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ACCESS_TOKEN_TTL: '15 minutes' }, 'ACCESS_TOKEN_TTL'],
    [{ ACCESS_TOKEN_TTL: '0' }, 'ACCESS_TOKEN_TTL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SERVICES: 'auth,billing' }, 'SERVICES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'weak' }, 'ADMIN_PASSWORD'],
    [{ RATE_LIMIT_REFRESH: '60 per minute' }, 'RATE_LIMIT_REFRESH'],
    [{ RATE_LIMIT_TICKET: '0/1m' }, 'RATE_LIMIT_TICKET'],
    [{ PASSCODE_MAX_FAILURES: '0' }, 'PASSCODE_MAX_FAILURES'],
    [{ FAILURE_WINDOW: 'forever' }, 'FAILURE_WINDOW'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
