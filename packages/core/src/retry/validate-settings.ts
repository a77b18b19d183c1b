import type { RetrySettings } from './retry-mode.js';

/** The limits payweave accepts for each time and count setting. */
interface Range {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const day = 86_400_000;

/** Accepted ranges; `maxResponseBytes` is checked here too, as it bounds the same attempt. */
export const settingRanges: Readonly<Record<keyof RetrySettings | 'maxResponseBytes', Range>> = {
  maxRetries: { min: 0, max: 10, integer: true },
  timeoutMs: { min: 1, max: day, integer: false },
  deadlineMs: { min: 1, max: day, integer: false },
  maxRetryAfterMs: { min: 0, max: day, integer: false },
  backoffBaseMs: { min: 0, max: day, integer: false },
  backoffMaxMs: { min: 0, max: day, integer: false },
  maxResponseBytes: { min: 1, max: 1024 * 1024 * 1024, integer: true },
};

/**
 * Finds the first setting out of range: `maxRetries: NaN` would otherwise resend as fast as the
 * loop runs until the deadline. Returns `[name, why]`, or `undefined` when all are valid.
 */
export function findInvalidSetting(settings: Record<string, unknown>): [string, string] | undefined {
  for (const [name, range] of Object.entries(settingRanges)) {
    const value = settings[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return [
        name,
        `must be a finite number (got ${typeof value === 'number' ? String(value) : typeof value})`,
      ];
    }
    if (range.integer && !Number.isInteger(value)) return [name, `must be a whole number (got ${value})`];
    if (value < range.min || value > range.max) {
      return [name, `must be between ${range.min} and ${range.max} (got ${value})`];
    }
  }
  return undefined;
}
