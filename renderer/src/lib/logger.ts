/** A named logger per module, so lines read `RoomClient: enableWebcam() | getUserMedia failed`. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export function createLogger(name: string): Logger {
  const prefix = `${name}:`;
  return {
    debug: (message, ...details) => {
      if (import.meta.env.DEV) console.debug(prefix, message, ...details);
    },
    info: (message, ...details) => console.info(prefix, message, ...details),
    warn: (message, ...details) => console.warn(prefix, message, ...details),
    error: (message, ...details) => console.error(prefix, message, ...details),
  };
}
