import * as z from 'zod/mini';
import { currencyExponent } from './currency-exponents.js';
import { splitDecimal, toDecimalText } from './decimal-text.js';

/**
 * How a provider takes an amount on the wire: a JSON number in major units (LeadConnector,
 * connectFi), a decimal string, or either (Paya, PayConnect).
 */
export type DecimalAmountWire = 'number' | 'string' | 'number-or-string';

/** Limits of {@link decimalAmount}. Give `decimals` or `currency`. */
export interface DecimalAmountOptions {
  /** Decimals allowed (2 for dollars). */
  decimals?: number;
  /** ISO 4217 code whose minor unit gives the decimals (USD 2, JPY 0, KWD 3) when `decimals` is not given. */
  currency?: string;
  /** Smallest amount allowed, inclusive (default 0: negatives refused). A plain decimal. */
  min?: number;
  /** Largest amount allowed, inclusive (default: the largest amount whose minor units are a safe integer). */
  max?: number;
  /** Whether the amount must be greater than 0. Default true, unless `allowZero` or a negative `min`. */
  positive?: boolean;
  /** Whether 0 is allowed: the same as `positive: false` (default false). */
  allowZero?: boolean;
  /** What the provider takes on the wire (default `'number-or-string'`); the other type is refused. */
  wire?: DecimalAmountWire;
}

/** The resolved rule: bounds in integer minor units, so every comparison is exact. */
interface AmountRule {
  readonly decimals: number;
  readonly minMinor: bigint;
  readonly maxMinor: bigint;
  readonly minText: string;
  readonly maxText: string;
  readonly positive: boolean;
  readonly wire: DecimalAmountWire;
}

const maxSafeMinor = BigInt(Number.MAX_SAFE_INTEGER);

function toMinor(whole: string, fraction: string, decimals: number): bigint {
  return BigInt(whole + fraction.padEnd(decimals, '0'));
}

function formatMinor(minor: bigint, decimals: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** A bound given by the SDK author, in minor units; a bound that is not a plain decimal with those decimals is a programming error. */
function boundToMinor(bound: number, decimals: number, name: string): bigint {
  const parts = splitDecimal(toDecimalText(bound) ?? '');
  if (!parts || parts.fraction.length > decimals) {
    throw new TypeError(
      `decimalAmount: ${name} ${bound} is not a plain decimal with at most ${decimals} decimals`,
    );
  }
  const magnitude = toMinor(parts.whole, parts.fraction, decimals);
  return parts.negative ? -magnitude : magnitude;
}

function resolveRule(options: DecimalAmountOptions): AmountRule {
  const decimals = options.decimals ?? (options.currency ? currencyExponent(options.currency) : undefined);
  if (decimals === undefined || !Number.isInteger(decimals) || decimals < 0 || decimals > 18) {
    throw new TypeError('decimalAmount: give decimals (an integer from 0 to 18) or a currency');
  }
  const requestedMin = options.min === undefined ? 0n : boundToMinor(options.min, decimals, 'min');
  const requestedMax = options.max === undefined ? maxSafeMinor : boundToMinor(options.max, decimals, 'max');
  const minMinor = requestedMin < -maxSafeMinor ? -maxSafeMinor : requestedMin;
  const maxMinor = requestedMax > maxSafeMinor ? maxSafeMinor : requestedMax;
  if (minMinor > maxMinor) throw new TypeError('decimalAmount: min is greater than max');
  const positive = options.positive ?? (options.allowZero === true ? false : minMinor >= 0n);
  return {
    decimals,
    minMinor,
    maxMinor,
    minText: requestedMin === minMinor ? String(options.min ?? 0) : formatMinor(minMinor, decimals),
    maxText:
      requestedMax === maxMinor && options.max !== undefined
        ? String(options.max)
        : formatMinor(maxMinor, decimals),
    positive,
    wire: options.wire ?? 'number-or-string',
  };
}

function decimalsMessage(decimals: number): string {
  return decimals === 0
    ? 'must be a whole amount with no decimals'
    : `must be a decimal amount with at most ${decimals} decimals`;
}

function typeMessage(wire: DecimalAmountWire): string {
  if (wire === 'number') return 'must be a number (an amount in major units, such as 25.5)';
  if (wire === 'string') return 'must be a decimal string (such as "25.50")';
  return 'must be a number or a decimal string';
}

/** Why `value` breaks `rule`, or `undefined` when it is a valid amount. */
function issueOf(value: unknown, rule: AmountRule): string | undefined {
  const isNumber = typeof value === 'number';
  if (!isNumber && typeof value !== 'string') return typeMessage(rule.wire);
  if (isNumber && rule.wire === 'string') return typeMessage(rule.wire);
  if (!isNumber && rule.wire === 'number') return typeMessage(rule.wire);
  if (isNumber && !Number.isFinite(value)) return 'must be a finite number';
  const text = toDecimalText(value) ?? '';
  const parts = splitDecimal(text);
  if (!parts) {
    // 1e+21, 1.79e+308: a number too large to print as a plain decimal.
    if (isNumber && Math.abs(value) >= 1) return `must be at most ${rule.maxText}`;
    return decimalsMessage(rule.decimals);
  }
  if (parts.fraction.length > rule.decimals) return decimalsMessage(rule.decimals);
  const magnitude = toMinor(parts.whole, parts.fraction, rule.decimals);
  if (parts.negative && rule.minMinor >= 0n) {
    return rule.positive ? 'must be greater than 0' : 'must not be negative';
  }
  const minor = parts.negative ? -magnitude : magnitude;
  if (rule.positive && minor <= 0n && rule.minMinor <= 0n) return 'must be greater than 0';
  if (minor < rule.minMinor) return `must be at least ${rule.minText}`;
  if (minor > rule.maxMinor) return `must be at most ${rule.maxText}`;
  return undefined;
}

/**
 * Why `value` is not a valid amount under `options` (the message {@link decimalAmount}
 * reports, such as `must be a decimal amount with at most 2 decimals`), or `undefined`
 * when it is one. For rules that depend on another field (a coupon's `discountValue`).
 *
 * @example
 * ```ts
 * decimalAmountIssue(0.1 + 0.2, { currency: 'USD' }); // 'must be a decimal amount with at most 2 decimals'
 * decimalAmountIssue(25.5, { currency: 'USD' }); // undefined
 * ```
 */
export function decimalAmountIssue(value: unknown, options: DecimalAmountOptions): string | undefined {
  return issueOf(value, resolveRule(options));
}

function amountCheck<T>(rule: AmountRule) {
  return z.superRefine<T>((value, context) => {
    const message = issueOf(value, rule);
    if (message !== undefined) context.issues.push({ code: 'custom', message, input: value });
  });
}

function typeError(rule: AmountRule) {
  return {
    error: (issue: { input?: unknown }) =>
      typeof issue.input === 'number' && !Number.isFinite(issue.input) && rule.wire !== 'string'
        ? 'must be a finite number'
        : typeMessage(rule.wire),
  };
}

/**
 * The one money rule for every provider's input schemas: a decimal amount that is finite,
 * has at most the currency's decimals and lies within the provider's range. A number is
 * judged by its shortest decimal form (`String(n)`), never through `parseFloat * 100`, so
 * float artefacts (`0.30000000000000004`), `10.001` for USD, `5e-324`, `1e+21` and
 * `1.79e308` are refused; so are NaN, infinities, exponent strings and (unless `min` is
 * negative) negatives. `wire` says what the provider takes: `'number'` (LeadConnector,
 * connectFi), `'string'` or `'number-or-string'` (Paya, PayConnect; the default). A valid
 * amount is passed through unchanged. Each refusal says why (`must be a decimal amount
 * with at most 2 decimals`, `must be at most 99999999.99`, `must be greater than 0`).
 *
 * @example
 * ```ts
 * const amount = decimalAmount({ currency: 'USD', max: 99_999_999.99, wire: 'number' });
 * z.safeParse(amount, 25.5).success; // true
 * z.safeParse(amount, 0.1 + 0.2).success; // false: must be a decimal amount with at most 2 decimals
 * ```
 */
export function decimalAmount(options: DecimalAmountOptions & { wire: 'number' }): z.ZodMiniNumber<number>;
export function decimalAmount(options: DecimalAmountOptions & { wire: 'string' }): z.ZodMiniString<string>;
export function decimalAmount(
  options: DecimalAmountOptions & { wire?: 'number-or-string' },
): z.ZodMiniUnion<readonly [z.ZodMiniString<string>, z.ZodMiniNumber<number>]>;
export function decimalAmount(
  options: DecimalAmountOptions,
):
  | z.ZodMiniNumber<number>
  | z.ZodMiniString<string>
  | z.ZodMiniUnion<readonly [z.ZodMiniString<string>, z.ZodMiniNumber<number>]>;
export function decimalAmount(options: DecimalAmountOptions) {
  const rule = resolveRule(options);
  if (rule.wire === 'number') return z.number(typeError(rule)).check(amountCheck<number>(rule));
  if (rule.wire === 'string') return z.string(typeError(rule)).check(amountCheck<string>(rule));
  return z
    .union([z.string(typeError(rule)), z.number(typeError(rule))], typeError(rule))
    .check(amountCheck<string | number>(rule));
}
