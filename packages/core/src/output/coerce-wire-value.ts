import { splitDecimal } from '../money/decimal-text.js';

/** Returned by {@link coerceWireValue} when the value has no documented reading. */
export const notCoerced: unique symbol = Symbol('notCoerced');

/** The number a plain decimal string holds when `Number` keeps every digit of it, else `undefined`. */
function exactNumber(text: string): number | undefined {
  const parts = splitDecimal(text);
  if (!parts) return undefined;
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  const fraction = parts.fraction.replace(/0+$/, '');
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  // `Number` rounds silently past 15-17 significant digits: a money amount must not move.
  const canonical = `${parts.negative && (whole !== '0' || fraction !== '') ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return String(value) === canonical ? value : undefined;
}

/**
 * Reads a string the way a provider may send a documented value as text: a plain decimal
 * where a number is expected (`"100"` → 100, `"12.50"` → 12.5; through the decimal parser,
 * so `"1e21"`, `"0x10"`, `" 12 "`, `""` and digits a double cannot hold exactly are
 * refused), `"true"`/`"false"` where a boolean is, and JSON text where an object, record
 * or array is (kept only when it parses to that kind of value). `expected` is the zod
 * issue's `expected` (`number`, `boolean`, `object`, `record`, `array`) or the literal
 * values an enum/literal allows. Anything else gives {@link notCoerced}.
 *
 * @example
 * ```ts
 * coerceWireValue('100', 'number'); // 100
 * coerceWireValue('1e21', 'number'); // notCoerced
 * coerceWireValue('false', 'boolean'); // false
 * ```
 */
export function coerceWireValue(
  value: unknown,
  expected: string | readonly unknown[] | undefined,
): unknown | typeof notCoerced {
  if (typeof value !== 'string') return notCoerced;
  if (Array.isArray(expected)) {
    // A literal or enum of numbers/booleans sent as text (`"true"` for `z.literal(true)`).
    const match = expected.find(
      (allowed) => (typeof allowed === 'number' || typeof allowed === 'boolean') && String(allowed) === value,
    );
    return match === undefined ? notCoerced : match;
  }
  switch (expected) {
    case 'number':
    case 'int':
      return exactNumber(value) ?? notCoerced;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : notCoerced;
    case 'object':
    case 'record':
    case 'array':
      return parseJsonOf(value, expected === 'array');
    default:
      return notCoerced;
  }
}

function parseJsonOf(text: string, array: boolean): unknown {
  const first = text.trimStart()[0];
  if (first !== (array ? '[' : '{')) return notCoerced;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) !== array) return notCoerced;
    return parsed;
  } catch {
    return notCoerced;
  }
}
