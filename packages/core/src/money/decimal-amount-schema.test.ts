import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type DecimalAmountOptions, decimalAmount, decimalAmountIssue } from './decimal-amount-schema.js';
import { splitDecimal, toDecimalText } from './decimal-text.js';
import { formatMoney, parseMoney } from './money.js';

/** The message a schema gives for `value`, or `undefined` when it accepts it. */
function messageOf(schema: z.ZodMiniType, value: unknown): string | undefined {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join('; ');
}

const usdNumber = decimalAmount({ currency: 'USD', max: 999_999.99, wire: 'number' });

describe('decimalAmount: the hostile amounts of issue 12', () => {
  it.each([
    [1e21, 'must be at most 999999.99'],
    [0.1 + 0.2, 'must be a decimal amount with at most 2 decimals'],
    [10.001, 'must be a decimal amount with at most 2 decimals'],
    [5e-324, 'must be a decimal amount with at most 2 decimals'],
    [1.79e308, 'must be at most 999999.99'],
    [Number.MAX_VALUE, 'must be at most 999999.99'],
    [Number.NaN, 'must be a finite number'],
    [Number.POSITIVE_INFINITY, 'must be a finite number'],
    [Number.NEGATIVE_INFINITY, 'must be a finite number'],
    [-5, 'must be greater than 0'],
    [-0.01, 'must be greater than 0'],
    [0, 'must be greater than 0'],
    [1_000_000, 'must be at most 999999.99'],
    ['25.50', 'must be a number (an amount in major units, such as 25.5)'],
    [null, 'must be a number (an amount in major units, such as 25.5)'],
    [true, 'must be a number (an amount in major units, such as 25.5)'],
  ])('refuses %s and says why: %s', (value, message) => {
    expect(messageOf(usdNumber, value)).toBe(message);
  });

  it.each([0.01, 1, 25.5, 10.05, 999_999.99])('passes %s through unchanged', (value) => {
    expect(z.parse(usdNumber, value)).toBe(value);
  });

  it('judges a number by String(n), so a sum that is not exactly cents is refused', () => {
    expect(String(0.1 + 0.7)).toBe('0.7999999999999999');
    expect(messageOf(usdNumber, 0.1 + 0.7)).toBe('must be a decimal amount with at most 2 decimals');
    expect(String(1.1 * 3)).toBe('3.3000000000000003');
    expect(messageOf(usdNumber, 1.1 * 3)).toBe('must be a decimal amount with at most 2 decimals');
  });
});

describe('decimalAmount options', () => {
  it('takes the decimals from the currency (JPY 0, USD 2, KWD 3)', () => {
    const yen = decimalAmount({ currency: 'JPY' });
    expect(messageOf(yen, 1500)).toBeUndefined();
    expect(messageOf(yen, 1.5)).toBe('must be a whole amount with no decimals');
    const dinar = decimalAmount({ currency: 'KWD' });
    expect(messageOf(dinar, '1.250')).toBeUndefined();
    expect(messageOf(dinar, '1.2501')).toBe('must be a decimal amount with at most 3 decimals');
    expect(messageOf(decimalAmount({ currency: 'usd' }), '10.001')).toBe(
      'must be a decimal amount with at most 2 decimals',
    );
  });

  it('accepts what the wire format takes and refuses the other type', () => {
    const either = decimalAmount({ decimals: 2 });
    expect(z.parse(either, '10.50')).toBe('10.50');
    expect(z.parse(either, 10.5)).toBe(10.5);
    expect(messageOf(either, null)).toBe('must be a number or a decimal string');
    const text = decimalAmount({ decimals: 2, wire: 'string' });
    expect(z.parse(text, '10.50')).toBe('10.50');
    expect(messageOf(text, 10.5)).toBe('must be a decimal string (such as "25.50")');
  });

  it.each([
    ['1e3', 'must be a decimal amount with at most 2 decimals'],
    [' 10.00', 'must be a decimal amount with at most 2 decimals'],
    ['10,00', 'must be a decimal amount with at most 2 decimals'],
    ['+10', 'must be a decimal amount with at most 2 decimals'],
    ['.5', 'must be a decimal amount with at most 2 decimals'],
    ['', 'must be a decimal amount with at most 2 decimals'],
    ['10.505', 'must be a decimal amount with at most 2 decimals'],
    ['-5.00', 'must be greater than 0'],
    ['-0', 'must be greater than 0'],
    ['0.00', 'must be greater than 0'],
    ['100000000.00', 'must be at most 99999999.99'],
  ])('refuses the string %j: %s', (value, message) => {
    expect(messageOf(decimalAmount({ decimals: 2, max: 99_999_999.99 }), value)).toBe(message);
  });

  it('allows zero on request but never a negative unless min is negative', () => {
    const orZero = decimalAmount({ decimals: 2, allowZero: true });
    expect(messageOf(orZero, 0)).toBeUndefined();
    expect(messageOf(orZero, '0.00')).toBeUndefined();
    expect(messageOf(orZero, -1)).toBe('must not be negative');
    expect(messageOf(orZero, '-0')).toBe('must not be negative');
    expect(messageOf(decimalAmount({ decimals: 2, positive: false }), 0)).toBeUndefined();
    const credit = decimalAmount({ decimals: 2, min: -100, max: 100 });
    expect(messageOf(credit, -99.99)).toBeUndefined();
    expect(messageOf(credit, 0)).toBeUndefined();
    expect(messageOf(credit, -100.01)).toBe('must be at least -100');
    expect(messageOf(decimalAmount({ decimals: 2, min: 0.5 }), 0.49)).toBe('must be at least 0.5');
  });

  it('bounds an amount without max by exact minor units (a safe integer)', () => {
    const open = decimalAmount({ decimals: 2 });
    expect(messageOf(open, '90071992547409.91')).toBeUndefined();
    expect(messageOf(open, '90071992547409.92')).toBe('must be at most 90071992547409.91');
    expect(messageOf(open, '99999999999999999999')).toBe('must be at most 90071992547409.91');
    expect(messageOf(open, 1e21)).toBe('must be at most 90071992547409.91');
  });

  it('compares bounds exactly, digit by digit', () => {
    const schema = decimalAmount({ decimals: 2, max: 99_999_999.99 });
    expect(messageOf(schema, '99999999.99')).toBeUndefined();
    expect(messageOf(schema, 99_999_999.99)).toBeUndefined();
    expect(messageOf(schema, '100000000')).toBe('must be at most 99999999.99');
  });

  it.each<[DecimalAmountOptions, RegExp]>([
    [{}, /decimals/],
    [{ decimals: 1.5 }, /decimals/],
    [{ decimals: 2, max: 10.001 }, /max 10.001/],
    [{ decimals: 2, max: 1e21 }, /max/],
    [{ decimals: 2, min: 5, max: 1 }, /min is greater than max/],
  ])('a rule that cannot hold is a programming error at definition (%j)', (options, message) => {
    expect(() => decimalAmount(options)).toThrow(message);
  });

  it('decimalAmountIssue gives the same reasons for cross-field rules', () => {
    expect(decimalAmountIssue(0.1 + 0.2, { currency: 'USD' })).toBe(
      'must be a decimal amount with at most 2 decimals',
    );
    expect(decimalAmountIssue(25.5, { currency: 'USD', wire: 'number' })).toBeUndefined();
    expect(decimalAmountIssue(150, { decimals: 2, max: 100 })).toBe('must be at most 100');
  });
});

describe('decimalAmount properties', () => {
  const usd = decimalAmount({ currency: 'USD', wire: 'number' });

  it('property: any finite number whose String() has more than 2 decimals is refused for USD', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => {
          const parts = splitDecimal(String(value));
          return parts === undefined || parts.fraction.length > 2;
        }),
        (value) => {
          const message = messageOf(usd, value);
          expect(message).toBeDefined();
          expect(message).toMatch(
            /^must be (a decimal amount with at most 2 decimals|at most |greater than 0)/,
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('property: a sum of cents the rule accepts is exactly the intended amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const sum = a / 100 + b / 100;
        const accepted = messageOf(usd, sum) === undefined;
        expect(accepted).toBe((splitDecimal(String(sum))?.fraction.length ?? 3) <= 2);
        if (accepted) expect(parseMoney(sum, 'USD').unwrap().amountMinor).toBe(a + b);
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: any valid cents value round-trips, as a number and as a string, unchanged', () => {
    const either = decimalAmount({ currency: 'USD', max: 99_999_999.99 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (cents) => {
        const text = formatMoney({ amountMinor: cents, currency: 'USD' });
        const value = cents / 100;
        expect(String(value)).toBe(text.replace(/\.?0+$/, ''));
        expect(z.parse(usd, value)).toBe(value);
        expect(z.parse(either, text)).toBe(text);
        expect(parseMoney(value, 'USD').unwrap().amountMinor).toBe(cents);
        expect(parseMoney(text, 'USD').unwrap().amountMinor).toBe(cents);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('decimal text', () => {
  it('reads a number by its shortest round-trip form and never a non-finite one', () => {
    expect(toDecimalText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(toDecimalText(1e21)).toBe('1e+21');
    expect(toDecimalText(Number.NaN)).toBeUndefined();
    expect(toDecimalText(null)).toBeUndefined();
    expect(splitDecimal('-10.50')).toEqual({ negative: true, whole: '10', fraction: '50' });
    expect(splitDecimal('5e-324')).toBeUndefined();
  });
});
