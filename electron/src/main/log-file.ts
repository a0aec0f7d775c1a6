import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface LogFileOptions {
  /** Rotate once the current file reaches this size. */
  maxBytes?: number;
  /** How many earlier files to keep beside the current one (`main.1.log` is the newest of them). */
  keep?: number;
}

/**
 * The main process's log in the user data folder: `main.log`, rotated to
 * `main.1.log` ... `main.<keep>.log` when it grows past `maxBytes`. Writes are
 * synchronous appends: the main process logs little, and a line written just
 * before a crash must be on disk to explain it.
 */
export class RotatingLogFile {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size: number;

  constructor(
    readonly dir: string,
    name = 'main',
    options: LogFileOptions = {},
  ) {
    this.file = path.join(dir, `${name}.log`);
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 3;
    mkdirSync(dir, { recursive: true });
    this.size = sizeOf(this.file);
  }

  /** An earlier file: 1 is the newest. */
  archive(index: number): string {
    return this.file.replace(/\.log$/, `.${index}.log`);
  }

  write(line: string): void {
    const text = line.endsWith('\n') ? line : `${line}\n`;
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    appendFileSync(this.file, text, { mode: 0o600 });
    this.size += bytes;
  }

  private rotate(): void {
    rmSync(this.archive(this.keep), { force: true });
    for (let index = this.keep - 1; index >= 1; index -= 1) {
      if (sizeOf(this.archive(index)) > 0) renameSync(this.archive(index), this.archive(index + 1));
    }
    if (this.keep > 0) renameSync(this.file, this.archive(1));
    else rmSync(this.file, { force: true });
    this.size = 0;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
