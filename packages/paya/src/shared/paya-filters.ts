import type { QueryValue } from '@payweave/core';
import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { payaAmountOrZero } from './paya-fields.js';

/** The named ranges Paya accepts on timestamp fields. */
export const namedDateRanges = [
  'today',
  'yesterday',
  'this week',
  'last week',
  'last 30 days',
  'this month',
  'last month',
] as const;

/** A named date range (`today`, `last 30 days`, ...). */
export type NamedDateRange = (typeof namedDateRanges)[number];

/** One value or several (sent comma separated: Paya treats a comma as OR). */
export function oneOrMany<T extends z.core.SomeType>(schema: T) {
  return z.optional(z.union([schema, z.array(schema).check(z.minLength(1))]));
}

/** An amount, or an inclusive range `{ from, to }` (sent as `from|to`). */
export const amountFilter = lazySchema(() =>
  z.optional(z.union([payaAmountOrZero, z.strictObject({ from: payaAmountOrZero, to: payaAmountOrZero })])),
);

const unixSeconds = lazySchema(() => z.int().check(z.gte(0)));

/**
 * A timestamp filter: a named range (`'today'`, `'last 30 days'`, ...) or a custom range of
 * unix seconds `{ from, to }` (sent as `field=custom&field_from=..&field_to=..`).
 */
export const timestampFilter = lazySchema(() =>
  z.optional(z.union([z.enum(namedDateRanges), z.strictObject({ from: unixSeconds, to: unixSeconds })])),
);

function isRange(value: unknown): value is { from: string | number; to: string | number } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value
  );
}

/**
 * Writes filter values the way Paya reads them: arrays comma separated (OR), `{from,to}`
 * amounts as `from|to`, custom timestamp ranges as `field=custom` plus `field_from` /
 * `field_to`, everything else as is.
 */
export function toFilterQuery(
  filters: Record<string, unknown>,
  timestampFields: ReadonlySet<string>,
): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) query[key] = value.map(String).join(',');
    else if (isRange(value)) {
      if (timestampFields.has(key)) {
        query[key] = 'custom';
        query[`${key}_from`] = String(value.from);
        query[`${key}_to`] = String(value.to);
      } else {
        query[key] = `${value.from}|${value.to}`;
      }
    } else if (typeof value === 'boolean') query[key] = value ? 1 : 0;
    else query[key] = value as QueryValue;
  }
  return query;
}
