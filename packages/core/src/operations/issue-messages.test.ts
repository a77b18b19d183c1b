import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validateInput, validateOutput } from './validate-input.js';

const context = { provider: 'demo', operation: 'demo.things.create' };

/** The field errors validateInput reports for `{ value }` against `{ value: schema }`. */
function reasons(schema: z.core.SomeType, value: unknown): Record<string, readonly string[]> {
  const result = validateInput(z.strictObject({ value: schema }), { value }, context);
  if (result.isOk()) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return result.error.fieldErrors as Record<string, readonly string[]>;
}

const reason = (schema: z.core.SomeType, value: unknown) => reasons(schema, value).value?.join('; ');

const id = z.string().check(z.minLength(24), z.maxLength(36));

describe('validation messages say why (zod/mini without a locale says only "Invalid input")', () => {
  it('proves the premise: zod/mini alone gives "Invalid input"', () => {
    const parsed = z.safeParse(z.string().check(z.minLength(24)), 'x');
    expect(parsed.error?.issues[0]?.message).toBe('Invalid input');
  });

  it('invalid_type: the expected type, or "is required" when the value is missing', () => {
    expect(reason(z.string(), 5)).toBe('must be a string');
    expect(reason(z.number(), '5')).toBe('must be a number');
    expect(reason(z.number(), Number.POSITIVE_INFINITY)).toBe('must be a number');
    expect(reason(z.int(), 1.5)).toBe('must be an integer');
    expect(reason(z.record(z.string(), z.number()), 'x')).toBe('must be an object');
    expect(reason(z.boolean(), 'yes')).toBe('must be a boolean');
    expect(reason(z.array(z.string()), 'a')).toBe('must be an array');
    expect(reason(z.strictObject({}), [])).toBe('must be an object');
    expect(reasons(z.string(), undefined)).toEqual({ value: ['is required'] });
    expect(validateInput(z.strictObject({ value: z.string() }), {}, context).unwrapErr().fieldErrors).toEqual(
      { value: ['is required'] },
    );
    expect(validateInput(z.strictObject({}), 'text', context).unwrapErr().fieldErrors).toEqual({
      '(root)': ['must be an object'],
    });
  });

  it('too_small / too_big on strings: both bounds when the schema has both, else the one it has', () => {
    expect(reason(id, 'x')).toBe('must be 24 to 36 characters');
    expect(reason(id, 'x'.repeat(37))).toBe('must be 24 to 36 characters');
    expect(reason(z.string().check(z.minLength(24)), 'x')).toBe('must be at least 24 characters');
    expect(reason(z.string().check(z.maxLength(3)), 'abcd')).toBe('must be at most 3 characters');
    expect(reason(z.string().check(z.minLength(1)), '')).toBe('must be at least 1 character');
    // A lower bound of 0 is no bound worth naming.
    expect(reason(z.string().check(z.minLength(0), z.maxLength(5)), 'abcdef')).toBe(
      'must be at most 5 characters',
    );
  });

  it('too_small / too_big on numbers and arrays', () => {
    expect(reason(z.int().check(z.gte(1)), 0)).toBe('must be at least 1');
    expect(reason(z.number().check(z.lte(9)), 10)).toBe('must be at most 9');
    expect(reason(z.number().check(z.positive()), 0)).toBe('must be greater than 0');
    expect(reason(z.number().check(z.lt(5)), 5)).toBe('must be less than 5');
    expect(reason(z.array(z.string()).check(z.minLength(1)), [])).toBe('must have at least 1 item');
    expect(reason(z.array(z.string()).check(z.maxLength(2)), ['a', 'b', 'c'])).toBe(
      'must have at most 2 items',
    );
    expect(reason(z.array(z.string()).check(z.minLength(1), z.maxLength(3)), [])).toBe(
      'must have 1 to 3 items',
    );
  });

  it('invalid_format: the pattern or the format', () => {
    expect(reason(z.string().check(z.regex(/^\d{9}$/)), '12')).toBe('must match /^\\d{9}$/');
    expect(reason(z.email(), 'nobody')).toBe('must be a valid email');
    expect(reason(z.uuid(), 'x')).toBe('must be a valid uuid');
    expect(reason(z.iso.datetime(), 'yesterday')).toBe('must be a valid datetime');
  });

  it('invalid_value: the allowed values', () => {
    expect(reason(z.enum(['a', 'b', 'c']), 'd')).toBe('must be one of: a, b, c');
    expect(reason(z.literal('sale'), 'refund')).toBe('must be sale');
    expect(reason(z.literal(3), 4)).toBe('must be 3');
  });

  it('not_multiple_of: the divisor', () => {
    expect(reason(z.number().check(z.multipleOf(5)), 7)).toBe('must be a multiple of 5');
  });

  it('unrecognized_keys: each unknown field by name', () => {
    const result = validateInput(z.strictObject({ a: z.optional(z.string()) }), { b: 1, c: 2 }, context);
    expect(result.unwrapErr().fieldErrors).toEqual({
      b: ['is not a known field'],
      c: ['is not a known field'],
    });
  });

  it('invalid_union: every allowed form when the value fits none, else the branch it was meant for', () => {
    expect(reason(z.union([z.string(), z.number()]), true)).toBe('must be a string or a number');
    expect(reason(z.union([z.literal(0), z.literal(1), z.literal(2)]), 5)).toBe('must be 0, 1 or 2');
    expect(reason(z.union([z.literal(0), z.literal(1), z.boolean()]), 'x')).toBe('must be 0, 1 or a boolean');
    expect(reason(z.union([z.enum(['today', 'yesterday']), z.strictObject({})]), 'soon')).toBe(
      'must be one of: today, yesterday or an object',
    );
    // One id or a list of ids: the string is reported as an id, an array element by its index.
    const oneOrMany = z.union([id, z.array(id)]);
    expect(reason(oneOrMany, 'x')).toBe('must be 24 to 36 characters');
    expect(reasons(oneOrMany, ['x'.repeat(24), 'x'])).toEqual({ 'value.1': ['must be 24 to 36 characters'] });
    // The object branch the value was meant for names its own bad field.
    const range = z.union([z.string(), z.strictObject({ from: z.number(), to: z.number() })]);
    expect(reasons(range, { from: 1, to: 'b' })).toEqual({ 'value.to': ['must be a number'] });
    expect(reasons(z.union([z.string(), z.number()]), undefined)).toEqual({ value: ['is required'] });
  });

  it('custom: its own message, or a plain "must be valid" when it set none', () => {
    expect(reason(z.string().check(z.refine(() => false, 'must be a postal code')), 'x')).toBe(
      'must be a postal code',
    );
    expect(reason(z.string().check(z.refine(() => false)), 'x')).toBe('must be valid');
    const pushed = z.strictObject({ a: z.string() }).check(
      z.superRefine((_value, ctx) => {
        ctx.issues.push({ code: 'custom', input: _value, path: ['a'], message: 'is taken' });
      }),
    );
    expect(validateInput(pushed, { a: 'x' }, context).unwrapErr().fieldErrors).toEqual({ a: ['is taken'] });
  });

  it('a message the schema or check sets explicitly always wins', () => {
    expect(reason(z.string({ error: 'give a name' }), 1)).toBe('give a name');
    expect(reason(z.string().check(z.minLength(3, 'is too short for a code')), 'x')).toBe(
      'is too short for a code',
    );
    expect(reason(z.string().check(z.regex(/^\d+$/, 'must be digits')), 'x')).toBe('must be digits');
    expect(reason(z.enum(['cc', 'ach'], { error: () => 'pick cc or ach' }), 'x')).toBe('pick cc or ach');
  });

  it('puts the reasons in the error detail and never "Invalid input"', () => {
    const error = validateInput(
      z.strictObject({ location_id: id, amount: z.number(), kind: z.enum(['cc', 'ach']) }),
      { location_id: 'short', amount: 'ten', kind: 'cash', extra: 1 },
      context,
    ).unwrapErr();
    expect(error.code).toBe('validation');
    expect(error.message).toContain('location_id: must be 24 to 36 characters');
    expect(error.message).toContain('amount: must be a number');
    expect(error.message).toContain('kind: must be one of: cc, ach');
    expect(error.message).toContain('extra: is not a known field');
    expect(error.message).not.toContain('Invalid input');
  });

  it('validateOutput uses the same reasons', () => {
    const error = validateOutput(
      z.looseObject({ id: z.string(), status_id: z.number() }),
      { status_id: 'one' },
      {
        ...context,
        httpStatus: 200,
      },
    ).unwrapErr();
    expect(error.code).toBe('invalid_response');
    expect(error.fieldErrors).toEqual({ id: ['is required'], status_id: ['must be a number'] });
  });
});
