import { AppError } from './app-error';

/** "45 seconds", "15 minutes", "2 hours", "1 hour 30 minutes": how long, the way a person says it. */
export function describeWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (s < 60) return plural(s, 'second');
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
}

/** 429 RATE_LIMITED with `Retry-After` and a sentence that says when to try again. */
export function tooManyRequests(reason: string, retryAfterS: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterS));
  return new AppError('RATE_LIMITED', 429, `${reason} Try again in ${describeWait(seconds)}.`, {
    headers: { 'retry-after': String(seconds) },
  });
}
