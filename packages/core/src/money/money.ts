import { Err, Ok, type Result } from 'ts-results-es';
import { PaymentsError } from '../errors/payments-error.js';
import { currencyExponent } from './currency-exponents.js';
import { splitDecimal, toDecimalText } from './decimal-text.js';

/**
 * An amount of money in integer minor units (cents for USD) plus its ISO 4217 currency.
 * Floats never hold money in payweave.
 */
export interface Money {
  /** Integer amount in the currency's minor unit: 1050 is USD 10.50. */
  readonly amountMinor: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions {
  /** Accept a leading minus sign (refunds, credits). Default false. */
  allowNegative?: boolean;
  /** Field name used in the validation error. Default `amount`. */
  field?: string;
}

function invalid(field: string, message: string): Err<PaymentsError> {
  return Err(
    new PaymentsError({
      code: 'validation',
      message: `${field}: ${message}`,
      fieldErrors: { [field]: [message] },
    }),
  );
}

/**
 * Parses a decimal amount (`"10.50"` or `10.5`) into {@link Money} without floating-point
 * arithmetic: the string is split on the dot. More decimals than the currency allows is a
 * `validation` error, never a rounding.
 *
 * @example
 * ```ts
 * parseMoney('10.50', 'USD'); // Ok({ amountMinor: 1050, currency: 'USD' })
 * parseMoney('10.005', 'USD'); // Err(validation)
 * ```
 */
export function parseMoney(
  value: string | number,
  currency: string,
  options: ParseMoneyOptions = {},
): Result<Money, PaymentsError> {
  const field = options.field ?? 'amount';
  if (!/^[A-Za-z]{3}$/.test(currency))
    return invalid(field, `currency "${currency}" is not an ISO 4217 code`);
  if (typeof value === 'number' && !Number.isFinite(value)) return invalid(field, 'must be a finite number');
  // String(number) gives the shortest round-trip form, so 10.5 -> "10.5"; exponent forms are refused below.
  const text = typeof value === 'number' ? (toDecimalText(value) ?? '') : value.trim();
  const parts = splitDecimal(text);
  if (!parts) return invalid(field, `"${text}" is not a decimal amount`);
  const { negative: sign, whole, fraction } = parts;
  if (sign && !options.allowNegative) return invalid(field, 'must not be negative');
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return invalid(field, `has more than ${exponent} decimal places for ${currency.toUpperCase()}`);
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) return invalid(field, 'is too large');
  const amountMinor = sign && magnitude !== 0 ? -magnitude : magnitude;
  return Ok({ amountMinor, currency: currency.toUpperCase() });
}

/**
 * Formats {@link Money} as a plain decimal string with the currency's exact number of
 * decimals (`"10.50"`, `"1000"` for JPY, `"1.250"` for KWD).
 */
export function formatMoney(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.amountMinor < 0;
  const digits = String(Math.abs(money.amountMinor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/**
 * Makes {@link Money} from integer minor units, refusing non-integers.
 *
 * @example
 * ```ts
 * money(1050, 'USD'); // { amountMinor: 1050, currency: 'USD' }
 * ```
 */
export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new PaymentsError({
      code: 'validation',
      message: `amountMinor must be a safe integer, got ${amountMinor}`,
    });
  }
  return { amountMinor, currency: currency.toUpperCase() };
}

/**
 * Parses a provider's decimal amount for an output, where a bad value must not crash:
 * returns `undefined` when it cannot be parsed exactly.
 */
export function toMoney(value: string | number | null | undefined, currency: string): Money | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const parsed = parseMoney(value, currency, { allowNegative: true });
  return parsed.isOk() ? parsed.value : undefined;
}
