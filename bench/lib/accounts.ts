/** REST calls the benchmarks make as a client would. */
export async function post(
  url: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ data: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { data: Record<string, unknown> };
}

export type BenchUser = { username: string; password: string; token: string };

export const BENCH_PASSWORD = 'bench-password-1';

/** Registers and signs in `count` users named `<prefix>_<pid>_<n>`. */
export async function createUsers(url: string, prefix: string, count: number): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const username = `${prefix}_${process.pid}_${i}`;
    await post(url, '/api/v1/auth/register', { username, email: `${username}@bench.test`, password: BENCH_PASSWORD });
    const login = await post(url, '/api/v1/auth/login', { username, password: BENCH_PASSWORD });
    users.push({ username, password: BENCH_PASSWORD, token: String(login.data.token) });
  }
  return users;
}

export async function createMeeting(url: string, host: BenchUser, title: string): Promise<number> {
  const meeting = await post(url, '/api/v1/meetings', { title }, host.token);
  return Number(meeting.data.id);
}
