import type { FieldErrors } from './payments-error.js';

/** Builds {@link FieldErrors} from `[field, message]` pairs, grouping messages per field. */
export function toFieldErrors(entries: Iterable<readonly [string, string]>): FieldErrors {
  const grouped: Record<string, string[]> = {};
  for (const [field, message] of entries) {
    const key = field === '' ? '(root)' : field;
    grouped[key] ??= [];
    grouped[key].push(message);
  }
  return grouped;
}

/** Joins a path (`['transaction', 'items', 0, 'name']`) into `transaction.items.0.name`. */
export function joinFieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}
