import type { Logger } from '@payweave/core';

/** A logger that keeps every line, and the lines joined as text, for assertions and secret scans. */
export interface CapturingLogger extends Logger {
  /** Every line: level, message and fields. */
  readonly lines: { level: string; message: string; fields: unknown }[];
  /** All lines serialised, one per line. */
  text(): string;
}

/**
 * Creates a {@link CapturingLogger}.
 *
 * @example
 * ```ts
 * const logger = captureLogger();
 * createPaya({ logger, logLevel: 'debug' });
 * expect(logger.text()).not.toContain(apiKey);
 * ```
 */
export function captureLogger(): CapturingLogger {
  const lines: { level: string; message: string; fields: unknown }[] = [];
  const at = (level: string) => (message: string, fields?: unknown) => {
    lines.push({ level, message, fields });
  };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () =>
      lines.map((line) => `${line.level} ${line.message} ${JSON.stringify(line.fields ?? {})}`).join('\n'),
  };
}

/** Secrets from `secrets` that occur in `text` (digits also matched with separators removed). */
export function findSecrets(text: string, secrets: readonly string[]): string[] {
  const digitsOnly = text.replace(/[^0-9]/g, '');
  return secrets.filter((secret) => {
    if (text.includes(secret)) return true;
    return /^\d{6,}$/.test(secret) && digitsOnly.includes(secret);
  });
}
