/** Structured fields attached to a log line (already redacted by the SDK). */
export type LogFields = Record<string, unknown>;

/**
 * A logger payweave writes to. Silent unless you pass one; `console` fits.
 *
 * @example
 * ```ts
 * createPaya({ logger: console, logLevel: 'debug' });
 * ```
 */
export interface Logger {
  /** Request and response details. */
  debug(message: string, fields?: LogFields): void;
  /** Notable events (token renewed). */
  info(message: string, fields?: LogFields): void;
  /** Retries and recoverable trouble. */
  warn(message: string, fields?: LogFields): void;
  /** Failures. */
  error(message: string, fields?: LogFields): void;
}

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const levelRank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

const noop = (): void => {};

/** A logger that writes nothing (the default). */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

/** Wraps a logger so that lines below `level` are dropped before they are built. */
export function withLevel(logger: Logger | undefined, level: LogLevel = 'info'): Logger {
  if (!logger || level === 'silent') return silentLogger;
  const rank = levelRank[level];
  return {
    debug: rank <= 0 ? (message, fields) => logger.debug(message, fields) : noop,
    info: rank <= 1 ? (message, fields) => logger.info(message, fields) : noop,
    warn: rank <= 2 ? (message, fields) => logger.warn(message, fields) : noop,
    error: (message, fields) => logger.error(message, fields),
  };
}
