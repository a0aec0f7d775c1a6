import type { TargetHistory } from '../health-history';
import { HISTORY_LENGTH } from '../health-history';

const WIDTH = 120;
const HEIGHT = 24;
const BAR = WIDTH / HISTORY_LENGTH;

/** Recent checks as bars: height is latency (relative to the slowest shown), colour is the status. */
export function Sparkline({ history, label }: { history: TargetHistory | undefined; label: string }) {
  const checks = history?.checks ?? [];
  const slowest = Math.max(1, ...checks.map((c) => c.latency_ms ?? 0));
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="health-sparkline"
      data-count={checks.length}
    >
      {checks.map((check, i) => {
        // A check without an answer still gets a full-height bar: down is the loudest thing to show.
        const h = check.latency_ms === null ? HEIGHT : Math.max(3, (check.latency_ms / slowest) * HEIGHT);
        const x = WIDTH - (checks.length - i) * BAR;
        return (
          <rect
            key={check.at + i}
            x={x + 0.5}
            y={HEIGHT - h}
            width={BAR - 1}
            height={h}
            className={`spark--${check.status}`}
          >
            <title>{`${check.at}: ${check.status}${check.latency_ms === null ? '' : `, ${check.latency_ms} ms`}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
