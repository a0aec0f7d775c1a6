import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Features of the renderer may lean on each other only one way: a cycle
 * (lobby ↔ room, session ↔ settings) means two features that cannot be read,
 * loaded or changed apart. Code both need belongs in `ui/`, `lib/` or `app/`.
 */
const featuresDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer/src/features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Static and dynamic imports alike: a lazy import still ties two features together. */
const IMPORT = /(?:from\s+|import\s*\(\s*)'([^']+)'/g;

/** Which features each feature imports (relative specifiers that land in another feature's folder). */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const feature of readdirSync(featuresDir)) {
    const uses = new Set<string>();
    for (const file of sourceFiles(path.join(featuresDir, feature))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (!specifier?.startsWith('.')) continue;
        const target = path.relative(featuresDir, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
        if (target && target !== feature && !target.startsWith('..')) uses.add(target);
      }
    }
    graph.set(feature, uses);
  }
  return graph;
}

/** Every cycle, each written from its alphabetically first feature, e.g. `lobby → room → lobby`. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) found.add([...trail, start].join(' → '));
      else if (next > start && !trail.includes(next)) walk(start, next, [...trail, next]);
    }
  };
  for (const feature of [...graph.keys()].sort()) walk(feature, feature, [feature]);
  return [...found];
}

describe('renderer features', () => {
  it('import each other without cycles', () => {
    expect(cycles(featureGraph())).toEqual([]);
  });

  it('are all seen by the check (a renamed folder would make it pass vacuously)', () => {
    const graph = featureGraph();
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['lobby', 'room', 'session', 'settings', 'meetings']));
    expect(graph.get('room')?.has('meetings')).toBe(true);
  });
});
