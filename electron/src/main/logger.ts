/**
 * One named logger per module, so a line reads `[deeplink] receive() | malformed link dropped`.
 * The main process has no log shipping yet; stdout/stderr is what a packaged app's
 * launcher (or `npx electron`) shows.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export function createLogger(name: string): Logger {
  const prefix = `[${name}]`;
  return {
    info: (message, ...details) => console.info(prefix, message, ...details),
    warn: (message, ...details) => console.warn(prefix, message, ...details),
    error: (message, ...details) => console.error(prefix, message, ...details),
  };
}
