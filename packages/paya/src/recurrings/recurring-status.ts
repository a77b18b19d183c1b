/**
 * Recurring `status` values as Paya writes them, and their names.
 *
 * @example
 * ```ts
 * recurringStatuses['on hold']; // 'onHold'
 * ```
 */
export const recurringStatuses = {
  active: 'active',
  'on hold': 'onHold',
  ended: 'ended',
} as const;

/**
 * A decoded recurring `status`, or `unknown` for a value this version does not know.
 *
 * @example
 * ```ts
 * const state: RecurringStatusName = recurringStatusName('ended'); // 'ended'
 * ```
 */
export type RecurringStatusName = (typeof recurringStatuses)[keyof typeof recurringStatuses] | 'unknown';

/**
 * `recurring_type_id` values: `o` runs until deleted or `end_date`, `i` a fixed number of times.
 *
 * @example
 * ```ts
 * recurringTypes.i; // 'installment'
 * ```
 */
export const recurringTypes = { o: 'ongoing', i: 'installment' } as const;

/**
 * A decoded `recurring_type_id`, or `unknown`.
 *
 * @example
 * ```ts
 * const type: RecurringTypeName = recurringTypeName('o'); // 'ongoing'
 * ```
 */
export type RecurringTypeName = (typeof recurringTypes)[keyof typeof recurringTypes] | 'unknown';

/**
 * `interval_type` values: the unit `interval` counts.
 *
 * @example
 * ```ts
 * recurringIntervalTypes.m; // 'month'
 * ```
 */
export const recurringIntervalTypes = { d: 'day', w: 'week', m: 'month' } as const;

/**
 * A decoded `interval_type`, or `unknown`.
 *
 * @example
 * ```ts
 * const unit: RecurringIntervalName = recurringIntervalName('d'); // 'day'
 * ```
 */
export type RecurringIntervalName =
  | (typeof recurringIntervalTypes)[keyof typeof recurringIntervalTypes]
  | 'unknown';

function lookup<Table extends Record<string, string>>(
  table: Table,
  value: unknown,
): Table[keyof Table] | 'unknown' {
  if (typeof value !== 'string') return 'unknown';
  const key = value.trim().toLowerCase();
  return Object.hasOwn(table, key) ? (table[key] as Table[keyof Table]) : 'unknown';
}

/**
 * Names a recurring `status` (`"on hold"` -> `onHold`).
 *
 * @example
 * ```ts
 * recurringStatusName('on hold'); // 'onHold'
 * recurringStatusName('paused'); // 'unknown'
 * ```
 */
export function recurringStatusName(status: unknown): RecurringStatusName {
  return lookup(recurringStatuses, status);
}

/**
 * Names a `recurring_type_id` (`"i"` -> `installment`).
 *
 * @example
 * ```ts
 * recurringTypeName('o'); // 'ongoing'
 * ```
 */
export function recurringTypeName(typeId: unknown): RecurringTypeName {
  return lookup(recurringTypes, typeId);
}

/**
 * Names an `interval_type` (`"m"` -> `month`).
 *
 * @example
 * ```ts
 * recurringIntervalName('w'); // 'week'
 * ```
 */
export function recurringIntervalName(intervalType: unknown): RecurringIntervalName {
  return lookup(recurringIntervalTypes, intervalType);
}
