import autocannon from 'autocannon';
import argon2 from 'argon2';
import { createMeeting, createUsers, type BenchUser } from './lib/accounts';
import { printTable } from './lib/report';
import type { ServerProcess } from './lib/server-process';

const CONCURRENCY = [1, 10, 50];
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);

/** One autocannon run; each connection uses its own user, as separate clients would. */
async function load(url: string, connections: number, request: (client: number) => autocannon.Request) {
  const requests = Array.from({ length: connections }, (_, client) => request(client));
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => {
          const chosen = requests[next % requests.length];
          next += 1;
          return { ...req, ...chosen };
        },
      },
    ],
  });
  return {
    clients: connections,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'req/s': Math.round(result.requests.average),
    requests: result.requests.total,
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}

/** Login, create and join under 1, 10 and 50 concurrent clients on loopback. */
export async function benchHttp(server: ServerProcess): Promise<void> {
  const sessions = await createUsers(server.url, 'load', Math.max(...CONCURRENCY));
  const meetingId = await createMeeting(server.url, sessions[0] as BenchUser, 'Bench meeting');
  const json = { 'content-type': 'application/json' };
  const auth = (session: BenchUser) => ({ ...json, authorization: `Bearer ${session.token}` });
  const at = (client: number) => sessions[client % sessions.length] as BenchUser;

  const scenarios: Record<string, (client: number) => autocannon.Request> = {
    login: (client) => ({
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: json,
      body: JSON.stringify({ username: at(client).username, password: at(client).password }),
    }),
    create: (client) => ({
      method: 'POST',
      path: '/api/v1/meetings',
      headers: auth(at(client)),
      body: JSON.stringify({ title: `Load ${client}` }),
    }),
    join: (client) => ({
      method: 'POST',
      path: `/api/v1/meetings/${meetingId}/join`,
      headers: auth(at(client)),
      body: '{}',
    }),
  };

  for (const [name, request] of Object.entries(scenarios)) {
    const rows = [];
    for (const connections of CONCURRENCY) rows.push(await load(server.url, connections, request));
    printTable(`${name} (${DURATION_S} s per row)`, rows);
  }

  const hashRuns: number[] = [];
  const hash = await argon2.hash('bench-password-1', { type: argon2.argon2id });
  for (let i = 0; i < 10; i += 1) {
    const started = performance.now();
    await argon2.verify(hash, 'bench-password-1');
    hashRuns.push(performance.now() - started);
  }
  printTable('password hash cost (argon2id verify, the floor of one login)', [
    {
      runs: hashRuns.length,
      'mean ms': Math.round((hashRuns.reduce((a, b) => a + b, 0) / hashRuns.length) * 10) / 10,
      params: hash.split('$')[3] ?? '',
    },
  ]);
}
