import type { HealthSweep, HealthTargetName, ProbeResult, TargetStatus } from '@meetai/shared';

/** How many checks per target the sparkline shows. */
export const HISTORY_LENGTH = 30;

export type TargetHistory = {
  /** Oldest first. */
  checks: { at: string; status: TargetStatus; latency_ms: number | null }[];
  /** When the status last changed (the first check counts as a change). */
  since: string;
};

export type History = Partial<Record<HealthTargetName, TargetHistory>>;

/** The history after one more sweep: each target's check appended, its `since` moved when its status changed. */
export function recordSweep(history: History, sweep: HealthSweep): History {
  const next: History = { ...history };
  for (const result of sweep.targets) next[result.name] = recordOne(history[result.name], result);
  return next;
}

function recordOne(previous: TargetHistory | undefined, result: ProbeResult): TargetHistory {
  const check = { at: result.checked_at, status: result.status, latency_ms: result.latency_ms };
  if (!previous) return { checks: [check], since: result.checked_at };
  const last = previous.checks.at(-1);
  return {
    checks: [...previous.checks, check].slice(-HISTORY_LENGTH),
    since: last?.status === result.status ? previous.since : result.checked_at,
  };
}
