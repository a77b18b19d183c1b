import * as z from 'zod/mini';

/** Limits of {@link decimalAmount}. */
export interface DecimalAmountOptions {
  /** Decimals allowed (2 for dollars). */
  decimals: number;
  /** Smallest amount allowed, inclusive (default 0). */
  min?: number;
  /** Largest amount allowed, inclusive. */
  max?: number;
  /** Whether 0 is allowed (default false). */
  allowZero?: boolean;
}

/**
 * A strict input schema for a decimal amount sent as a number or a string
 * (`10.5`, `"10.50"`): refuses NaN, infinities, negatives, exponent notation and more
 * decimals than allowed, without floating-point rounding.
 */
export function decimalAmount(options: DecimalAmountOptions) {
  const pattern = new RegExp(`^\\d+(?:\\.\\d{1,${options.decimals}})?$`);
  return z.union([z.string(), z.number()]).check(
    z.refine(
      (value) => {
        const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
        if (!pattern.test(text)) return false;
        const numeric = Number(text);
        if (!options.allowZero && numeric === 0) return false;
        if (numeric < (options.min ?? 0)) return false;
        return options.max === undefined || numeric <= options.max;
      },
      {
        message: `must be a positive decimal amount with at most ${options.decimals} decimals${
          options.max === undefined ? '' : ` and at most ${options.max}`
        }`,
      },
    ),
  );
}
