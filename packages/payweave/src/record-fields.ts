import { type Logger, type Money, toMoney } from '@payweave/core';

/** A provider record read field by field: outputs are tolerant, so every field may be missing or odd. */
export type ProviderRecord = Readonly<Record<string, unknown>>;

/** `value` as a record to read fields from: anything that is not an object reads as empty. */
export function toRecord(value: unknown): ProviderRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as ProviderRecord)
    : {};
}

/** An own field of a record (never one inherited from a prototype). */
function field(record: ProviderRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A string field, or `undefined`. */
export function stringField(record: ProviderRecord, key: string): string | undefined {
  const value = field(record, key);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * A field as text, `''` when it is missing or not a string, number or boolean: unlike
 * `String(value)`, never throws (an object without a usable `toString` would).
 */
export function textField(record: ProviderRecord, key: string): string {
  const value = field(record, key);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

/** A nested object field, or an empty record. */
export function objectField(record: ProviderRecord, key: string): ProviderRecord {
  return toRecord(field(record, key));
}

/** A three-letter currency code field (upper-cased), or `undefined`. */
export function currencyField(record: ProviderRecord, key: string): string | undefined {
  const value = field(record, key);
  return typeof value === 'string' && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : undefined;
}

/** A decimal amount field (string or number in major units) as {@link Money}, or `undefined`. */
export function moneyField(record: ProviderRecord, key: string, currency: string): Money | undefined {
  const value = field(record, key);
  return typeof value === 'string' || typeof value === 'number' ? toMoney(value, currency) : undefined;
}

/** The amount of a unified record: `null` (with the raw value) when the provider's value cannot be read. */
export interface AmountFields {
  /** The amount, or `null` when the provider sent none or one that is not a valid amount in the currency. */
  readonly amount: Money | null;
  /** The provider's value when it could not be read as an amount (`12.345` for USD, `1e21`). */
  readonly amountRaw?: unknown;
}

/**
 * A required amount: an unreadable value is shown as unknown (`amount: null`, the raw value
 * kept, a warning logged), never as a number that is not true (a `0.00` would read as "free").
 */
export function amountFields(
  record: ProviderRecord,
  key: string,
  currency: string,
  context: { provider: string; kind: string; logger?: Logger | undefined },
): AmountFields {
  const value = field(record, key);
  const amount =
    typeof value === 'string' || typeof value === 'number' ? toMoney(value, currency) : undefined;
  if (amount) return { amount };
  if (value === undefined || value === null || value === '') return { amount: null };
  try {
    context.logger?.warn(
      `payweave: the ${context.provider} ${context.kind} ${key} cannot be read as a ${currency} amount; shown as null, raw value kept in amountRaw.`,
    );
  } catch {
    // A logger's own bug must not change what the caller gets.
  }
  return { amount: null, amountRaw: value };
}

/** Unix seconds (number or numeric string) as an ISO date-time; `undefined` when not a valid date. */
export function unixToIso(value: unknown): string | undefined {
  const seconds = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
