/**
 * `npm run admin -- create <username> <email>`: makes an admin account in the
 * database under DATA_DIR. The password comes from ADMIN_PASSWORD, or is
 * asked for (without echo) when the terminal is interactive.
 */
import { PasswordSchema, RegisterRequestSchema, describeIssues } from '@meetai/shared';
import { AuthService } from './auth/auth-service';
import { resolveJwtSecret } from './auth/jwt-secret';
import { TokenService } from './auth/token-service';
import { loadConfig } from './config';
import { openDatabase } from './storage/database';

const USAGE = 'Usage: npm run admin -- create <username> <email>   (password from ADMIN_PASSWORD, or asked for)';

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) return Promise.reject(new Error('No terminal to ask for the password: set ADMIN_PASSWORD.'));
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let answer = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(answer);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('Cancelled.'));
          return;
        }
        answer = char === '\u007f' || char === '\b' ? answer.slice(0, -1) : answer + char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await askHidden('Password for the new admin: ');
  const check = PasswordSchema.safeParse(first);
  if (!check.success) throw new Error(describeIssues(check.error));
  if ((await askHidden('Repeat the password: ')) !== first) throw new Error('The passwords differ.');
  return first;
}

async function create(username: string | undefined, email: string | undefined): Promise<void> {
  const password = await readPassword();
  const input = RegisterRequestSchema.safeParse({ username, email, password });
  if (!input.success) throw new Error(describeIssues(input.error));
  // The CLI reads only what it needs, so it never trips over server-only settings.
  const config = loadConfig({ DATA_DIR: process.env.DATA_DIR, JWT_SECRET: process.env.JWT_SECRET });
  const database = await openDatabase(config.dataDir);
  try {
    const tokens = new TokenService({
      secret: resolveJwtSecret(config.dataDir, config.jwtSecret),
      accessTtlS: config.accessTokenTtlS,
      refreshTtlS: config.refreshTokenTtlS,
    });
    const user = await new AuthService(database.db, tokens).register(input.data, 'admin');
    console.log(`Created admin "${user.username}" (id ${user.id}) in ${database.location}.`);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command !== 'create' || args.length !== 2) throw new Error(USAGE);
  await create(args[0], args[1]);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
