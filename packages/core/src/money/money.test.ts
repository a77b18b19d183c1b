import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { currencyExponent } from './currency-exponents.js';
import { decimalAmount } from './decimal-amount-schema.js';
import { formatMoney, money, parseMoney, toMoney } from './money.js';

describe('money', () => {
  it.each([
    ['JPY', '1500', 1500, '1500'],
    ['USD', '10.50', 1050, '10.50'],
    ['USD', '10.5', 1050, '10.50'],
    ['USD', 10.5, 1050, '10.50'],
    ['KWD', '1.250', 1250, '1.250'],
    ['KWD', '0.001', 1, '0.001'],
    ['EUR', '0', 0, '0.00'],
  ])('round-trips %s %s', (currency, input, minor, formatted) => {
    const parsed = parseMoney(input, currency).unwrap();
    expect(parsed).toEqual({ amountMinor: minor, currency });
    expect(formatMoney(parsed)).toBe(formatted);
  });

  it('refuses 10.005 USD instead of rounding', () => {
    const error = parseMoney('10.005', 'USD').unwrapErr();
    expect(error.code).toBe('validation');
    expect(error.message).toContain('more than 2 decimal places');
  });

  it.each([
    ['1.5', 'JPY'],
    ['1.0001', 'KWD'],
    ['abc', 'USD'],
    ['1e3', 'USD'],
    ['', 'USD'],
    [Number.NaN, 'USD'],
    ['-1.00', 'USD'],
    ['1.00', 'US'],
  ])('refuses %s %s', (value, currency) => {
    expect(parseMoney(value, currency).isErr()).toBe(true);
  });

  it('accepts negatives only when asked and keeps huge values exact or refuses them', () => {
    expect(parseMoney('-1.25', 'USD', { allowNegative: true }).unwrap().amountMinor).toBe(-125);
    expect(formatMoney(money(-125, 'usd'))).toBe('-1.25');
    expect(parseMoney('99999999999999999999', 'USD').isErr()).toBe(true);
    expect(() => money(1.5, 'USD')).toThrow(/safe integer/);
  });

  it('toMoney never throws on provider values', () => {
    expect(toMoney('200.00', 'USD')).toEqual({ amountMinor: 20000, currency: 'USD' });
    expect(toMoney(1, 'USD')).toEqual({ amountMinor: 100, currency: 'USD' });
    expect(toMoney('n/a', 'USD')).toBeUndefined();
    expect(toMoney(null, 'USD')).toBeUndefined();
  });

  it('property: format then parse is the identity for every exponent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('JPY', 'USD', 'KWD', 'EUR', 'BHD', 'KRW'),
        (minor, currency) => {
          const formatted = formatMoney({ amountMinor: minor, currency });
          expect(parseMoney(formatted, currency, { allowNegative: true }).unwrap()).toEqual({
            amountMinor: minor,
            currency,
          });
          expect(formatted.split('.')[1]?.length ?? 0).toBe(currencyExponent(currency));
        },
      ),
    );
  });

  it('property: a decimal string parses to exactly its digits, never through a float', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 2 }),
        (digits, decimals) => {
          const text = digits.toString().padStart(decimals + 1, '0');
          const decimal = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
          const parsed = parseMoney(decimal, 'USD').unwrap();
          expect(BigInt(parsed.amountMinor)).toBe(digits * 10n ** BigInt(2 - decimals));
        },
      ),
    );
  });

  it('property: more decimals than the currency allows is always refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 9 }), (whole, extra) => {
        expect(parseMoney(`${whole}.00${extra}`, 'USD').isErr()).toBe(true);
      }),
    );
  });

  it('decimalAmount schema enforces precision, sign and range', () => {
    const schema = decimalAmount({ decimals: 2, max: 99999999.99 });
    expect(z.safeParse(schema, '10.50').success).toBe(true);
    expect(z.safeParse(schema, 10.5).success).toBe(true);
    for (const bad of [
      '10.505',
      -1,
      0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1e5',
      '100000000.00',
      'ten',
      null,
    ]) {
      expect(z.safeParse(schema, bad).success).toBe(false);
    }
  });
});
