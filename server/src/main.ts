/**
 * Starts the server: `node --import tsx server/src/main.ts`, or the bundle
 * `node server/dist/main.mjs` that `npm start` builds and runs.
 * Every module runs in this one process by default; `SERVICES=auth` (or
 * `meetings`) runs one alone on its seed port (8080, 8082) unless PORT is set.
 */
import { buildApp, type App } from './app';
import { ConfigError, loadConfig, type Config } from './config';

const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

function stopOnSignals(app: App): void {
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, 'shutting down: refusing new requests, finishing open ones, closing the database');
    // A stuck connection must not keep the process alive forever.
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => {
        app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const config = readConfig();
  const app = await buildApp(config);
  stopOnSignals(app);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { address, services: config.services, publicUrl: config.publicUrl, dataDir: config.dataDir },
    `MeetAI server ready: open ${config.publicUrl}`,
  );
}

main().catch((error: unknown) => {
  console.error('The server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
