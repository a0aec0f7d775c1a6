import { benchHttp } from './http-load';
import { benchBundle, benchColdLoad, benchIdleMemory } from './footprint';
import { startServer, type ServerProcess } from './lib/server-process';
import { benchJoinLeaveCycles, benchJoinTime, benchSfuCost } from './room';

/**
 * `npm run bench [-- section ...]`: prints figures, never pass/fail.
 * Sections: memory, bundle, cold-load, http, join-time, sfu-cost, join-leave (default: all, in that order).
 */
const SECTIONS: Record<string, (server: ServerProcess) => Promise<void> | void> = {
  memory: benchIdleMemory,
  bundle: () => benchBundle(),
  'cold-load': benchColdLoad,
  http: benchHttp,
  'join-time': benchJoinTime,
  'sfu-cost': benchSfuCost,
  'join-leave': benchJoinLeaveCycles,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`Unknown section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

const server = await startServer();
console.log(`bench: server ${server.url} (pid ${server.pid}), ${new Date().toISOString()}`);
try {
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (wanted.length === 0 || wanted.includes(name)) await section(server);
  }
} finally {
  await server.stop();
}
