import { setOwn } from '../redaction/redactor.js';
import type { FieldErrors } from './payments-error.js';

/**
 * Builds {@link FieldErrors} from `[field, message]` pairs, grouping messages per field.
 * Field names come from callers and providers (`__proto__`, `constructor`), so grouping goes
 * through a Map and the result gets own properties only.
 */
export function toFieldErrors(entries: Iterable<readonly [string, string]>): FieldErrors {
  const grouped = new Map<string, string[]>();
  for (const [field, message] of entries) {
    const key = field === '' ? '(root)' : String(field);
    const messages = grouped.get(key) ?? [];
    messages.push(String(message));
    grouped.set(key, messages);
  }
  const result: Record<string, unknown> = {};
  for (const [key, messages] of grouped) setOwn(result, key, messages);
  return result as FieldErrors;
}

/** Joins a path (`['transaction', 'items', 0, 'name']`) into `transaction.items.0.name`. */
export function joinFieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}
