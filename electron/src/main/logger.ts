import { inspect } from 'node:util';
import type { RotatingLogFile } from './log-file';

/**
 * One named logger per module, so a line reads `[deeplink] receive() | malformed link dropped`.
 * Lines go to stdout/stderr (what `npx electron` or a launcher shows) and, once
 * `logToFile` has been called, to the rotating log file in the user data folder,
 * which the Help menu opens for a user reporting a problem.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

type Level = keyof Logger;

let sink: RotatingLogFile | null = null;

/** From now on every logger also writes to `file`; null stops that. */
export function logToFile(file: RotatingLogFile | null): void {
  sink = file;
}

function formatLine(level: Level, prefix: string, message: string, details: unknown[]): string {
  const rest = details.map((detail) => (typeof detail === 'string' ? detail : inspect(detail, { depth: 4 })));
  return [new Date().toISOString(), level.toUpperCase().padEnd(5), prefix, message, ...rest].join(' ');
}

function toFile(level: Level, prefix: string, message: string, details: unknown[]): void {
  if (!sink) return;
  try {
    sink.write(formatLine(level, prefix, message, details));
  } catch (error) {
    // A full disk or a removed folder must not take the app down; say it once and stop writing.
    sink = null;
    console.error('[logger] cannot write the log file; logging to the console only', error);
  }
}

export function createLogger(name: string): Logger {
  const prefix = `[${name}]`;
  const at =
    (level: Level) =>
    (message: string, ...details: unknown[]) => {
      console[level](prefix, message, ...details);
      toFile(level, prefix, message, details);
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
