import { currencyExponent, formatMoney, type Money } from '@payweave/core';

/**
 * The unit of `chargeSnapshot.amount` in the kit's `queryUrl` answers. HighLevel's docs disagree
 * (the verify FAQ shows `10000` for 100.00, the charge example `100.00`), so it is a setting:
 * - `minor` (default): the decimal amount × 100, as an integer for currencies with up to two
 *   decimals (USD 100.00 → `10000`, JPY 500 → `50000`) — the unit HighLevel documents for
 *   webhooks and the verify FAQ;
 * - `major`: the decimal amount as a JSON number (USD 100.00 → `100`).
 *
 * @example
 * ```ts
 * createCustomProviderHandler({ ...handlers, apiKeys, chargeSnapshotAmountUnit: 'major' });
 * ```
 */
export type ChargeSnapshotAmountUnit = 'minor' | 'major';

/**
 * A point in time for HighLevel: a `Date`, or a number of **seconds** since the Unix epoch
 * (what HighLevel's `chargedAt`, `trialEnd`, `createdAt` and `nextCharge` hold). A number above
 * 100,000,000,000 is refused as milliseconds.
 *
 * @example
 * ```ts
 * const chargedAt: UnixTime = new Date(); // or 1724217600
 * ```
 */
export type UnixTime = Date | number;

/** The largest plausible unix time in seconds (year 5138); anything larger is milliseconds. */
export const maxUnixSeconds = 100_000_000_000;

/** Why `value` is not a usable {@link UnixTime}, or `undefined`. */
export function unixTimeProblem(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'must be a valid Date' : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return 'must be a Date or a whole number of seconds since the Unix epoch';
  }
  if (value >= maxUnixSeconds) return 'must be in seconds, not milliseconds (divide by 1000 or pass a Date)';
  return undefined;
}

/** A {@link UnixTime} as whole seconds. */
export function toUnixSeconds(value: UnixTime): number {
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
}

/**
 * Money as HighLevel's "actual amount × 100": exact (no floating point on the way), an integer
 * for currencies with up to two decimals; for three-decimal currencies it is an integer only
 * when the last decimal is 0 (`integral` says which).
 */
export function toHundredths(money: Money): { readonly value: number; readonly integral: boolean } {
  const exponent = currencyExponent(money.currency);
  if (exponent <= 2) return { value: money.amountMinor * 10 ** (2 - exponent), integral: true };
  const divisor = 10 ** (exponent - 2);
  const integral = money.amountMinor % divisor === 0;
  // Exact as text first, so 1235 / 10 is written 123.5, never 123.49999.
  return { value: integral ? money.amountMinor / divisor : Number(shiftLeft(money, exponent - 2)), integral };
}

function shiftLeft(money: Money, places: number): string {
  const negative = money.amountMinor < 0;
  const digits = String(Math.abs(money.amountMinor)).padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}

/** Money as a decimal JSON number in major units (USD 1050 → `10.5`), what HighLevel sends and reads. */
export function toMajorNumber(money: Money): number {
  return Number(formatMoney(money));
}

/** A `chargeSnapshot.amount` in the configured unit. */
export function snapshotAmount(money: Money, unit: ChargeSnapshotAmountUnit): number {
  return unit === 'major' ? toMajorNumber(money) : toHundredths(money).value;
}

/** Cuts a title to `max` characters (whole code points, so an emoji is never split; no trailing space). */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('').trimEnd();
}
