import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON line per event on stdout; LOG_LEVEL=debug for more. */
export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined }, destination);
}

/**
 * The same failure repeated (a dependency down, a flood of bad requests) is logged the
 * first time and then once per 100, with the count, so a burst cannot fill the disk.
 */
export class ErrorSampler {
  private seen = new Map<string, number>();
  shouldLog(key: string): number | undefined {
    const n = (this.seen.get(key) ?? 0) + 1;
    if (this.seen.size > 1000) this.seen.clear();
    this.seen.set(key, n);
    return n === 1 || n % 100 === 0 ? n : undefined;
  }
}
