import { describe, expect, it } from 'vitest';
import { coerceWireValue, notCoerced } from './coerce-wire-value.js';

describe('coerceWireValue', () => {
  it('reads plain decimal strings as numbers, exactly', () => {
    expect(coerceWireValue('100', 'number')).toBe(100);
    expect(coerceWireValue('12.50', 'number')).toBe(12.5);
    expect(coerceWireValue('-3', 'number')).toBe(-3);
    expect(coerceWireValue('0.1', 'number')).toBe(0.1);
    expect(coerceWireValue('007', 'int')).toBe(7);
  });

  it('refuses what is not a plain decimal, or that a double cannot hold exactly', () => {
    for (const text of [
      '1e21',
      '0x10',
      ' 12 ',
      '',
      '+1',
      '.5',
      '1,000',
      'NaN',
      'Infinity',
      '12345678901234567890',
      '0.30000000000000000001',
    ])
      expect(coerceWireValue(text, 'number'), text).toBe(notCoerced);
  });

  it('reads "true"/"false" as booleans and nothing else', () => {
    expect(coerceWireValue('true', 'boolean')).toBe(true);
    expect(coerceWireValue('false', 'boolean')).toBe(false);
    expect(coerceWireValue('TRUE', 'boolean')).toBe(notCoerced);
    expect(coerceWireValue('1', 'boolean')).toBe(notCoerced);
  });

  it('parses JSON text only into the kind expected', () => {
    expect(coerceWireValue('{"name":"stripe"}', 'object')).toEqual({ name: 'stripe' });
    expect(coerceWireValue('{"a":1}', 'record')).toEqual({ a: 1 });
    expect(coerceWireValue('[1,2]', 'array')).toEqual([1, 2]);
    expect(coerceWireValue('[1,2]', 'object')).toBe(notCoerced);
    expect(coerceWireValue('{"a":', 'object')).toBe(notCoerced);
    expect(coerceWireValue('null', 'object')).toBe(notCoerced);
    expect(coerceWireValue('stripe', 'object')).toBe(notCoerced);
  });

  it('keeps a JSON "__proto__" key as a plain field', () => {
    const parsed = coerceWireValue('{"__proto__":{"polluted":true}}', 'object') as object;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reads literal numbers and booleans sent as text', () => {
    expect(coerceWireValue('true', [true])).toBe(true);
    expect(coerceWireValue('2', [1, 2])).toBe(2);
    expect(coerceWireValue('x', ['x'])).toBe(notCoerced);
  });

  it('leaves non-strings and other expectations alone', () => {
    expect(coerceWireValue(12, 'string')).toBe(notCoerced);
    expect(coerceWireValue('12', 'string')).toBe(notCoerced);
    expect(coerceWireValue({}, 'number')).toBe(notCoerced);
  });
});
