import type { Logger } from '../logging/logger.js';
import type { FieldPath } from './own-path.js';

/** Warnings remembered per logger: a provider sending arbitrary keys cannot grow this without bound. */
const maxRemembered = 1000;

const seenByLogger = new WeakMap<Logger, Set<string>>();

/**
 * The path as one label, array indexes folded to `[]` so every item of a list counts once
 * (`records[].amount`).
 */
export function pathLabel(path: FieldPath): string {
  let label = '';
  for (const key of path) {
    if (typeof key === 'number') label += '[]';
    else label += label === '' ? String(key) : `.${String(key)}`;
  }
  return label === '' ? '(body)' : label;
}

/**
 * Whether this (operation, field) is reported for the first time on this logger; records it.
 * Each client has its own logger, so each client warns once per field.
 */
export function firstReport(logger: Logger, operation: string, label: string): boolean {
  let seen = seenByLogger.get(logger);
  if (!seen) {
    seen = new Set();
    seenByLogger.set(logger, seen);
  }
  const key = `${operation}\u0000${label}`;
  if (seen.has(key) || seen.size >= maxRemembered) return false;
  seen.add(key);
  return true;
}
