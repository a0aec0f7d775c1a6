import { benchAnalysis } from './analysis/analysis-bench';
import { benchCaptions } from './captions/captions-bench';
import { benchHttp } from './http-load';
import { benchBundle, benchColdLoad, benchIdleMemory } from './footprint';
import { startServer, type ServerProcess } from './lib/server-process';
import { benchJoinTime } from './join-time';
import { benchAdminHealth } from './admin-health';
import { benchJoinLeaveCycles, benchSfuCost } from './room';

/**
 * `npm run bench [-- section ...]`: prints figures, never pass/fail.
 * Sections: memory, bundle, cold-load, http, join-time, sfu-cost, join-leave, admin-health
 * (against one server started for them), captions (starts a server per speech
 * engine itself), analysis (no server: emotion, synthetic-voice indicator,
 * summaries on the fixtures); default: all, in that order.
 */
const SECTIONS: Record<string, (server: ServerProcess) => Promise<void> | void> = {
  memory: benchIdleMemory,
  bundle: () => benchBundle(),
  'cold-load': benchColdLoad,
  http: benchHttp,
  'join-time': benchJoinTime,
  'sfu-cost': benchSfuCost,
  'join-leave': benchJoinLeaveCycles,
  'admin-health': benchAdminHealth,
};
const OWN_SERVER_SECTIONS: Record<string, () => Promise<void>> = {
  captions: benchCaptions,
  analysis: benchAnalysis,
};

const wanted = process.argv.slice(2);
const isWanted = (name: string) => wanted.length === 0 || wanted.includes(name);
const known = [...Object.keys(SECTIONS), ...Object.keys(OWN_SERVER_SECTIONS)];
const unknown = wanted.filter((name) => !known.includes(name));
if (unknown.length) {
  console.error(`Unknown section(s): ${unknown.join(', ')}. Known: ${known.join(', ')}`);
  process.exit(2);
}

console.log(`bench: ${new Date().toISOString()}`);
if (Object.keys(SECTIONS).some(isWanted)) {
  const server = await startServer();
  console.log(`bench: server ${server.url} (pid ${server.pid})`);
  try {
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (isWanted(name)) await section(server);
    }
  } finally {
    await server.stop();
  }
}
for (const [name, section] of Object.entries(OWN_SERVER_SECTIONS)) {
  if (isWanted(name)) await section();
}
