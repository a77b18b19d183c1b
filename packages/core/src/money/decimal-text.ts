/** A decimal amount split into its parts, digits kept as text so nothing is rounded. */
export interface DecimalParts {
  /** Whether the text had a leading minus sign. */
  readonly negative: boolean;
  /** Digits before the dot (at least one). */
  readonly whole: string;
  /** Digits after the dot (empty when there is no dot). */
  readonly fraction: string;
}

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * The text a money value is judged by: a string as given, a finite number as its shortest
 * round-trip decimal form (`String(0.1 + 0.2)` is `"0.30000000000000004"`, `String(1e21)` is
 * `"1e+21"`). Never `parseFloat(...) * 100`: what the caller's number really holds is what
 * is checked. `undefined` for anything else (NaN, infinities, other types).
 */
export function toDecimalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Splits a plain decimal (`"10.50"`, `"-3"`) into sign, whole and fraction digits.
 * `undefined` for anything else: exponent forms (`"1e+21"`, `"5e-324"`), spaces, commas,
 * a leading `+` or dot, an empty string.
 *
 * @example
 * ```ts
 * splitDecimal('10.50'); // { negative: false, whole: '10', fraction: '50' }
 * splitDecimal('1e+21'); // undefined
 * ```
 */
export function splitDecimal(text: string): DecimalParts | undefined {
  const match = decimalPattern.exec(text);
  if (!match) return undefined;
  return { negative: match[1] === '-', whole: match[2] ?? '0', fraction: match[3] ?? '' };
}
