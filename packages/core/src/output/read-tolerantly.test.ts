import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readTolerantly } from './read-tolerantly.js';

const order = z.looseObject({
  _id: z.string(),
  amount: z.optional(z.number()),
  liveMode: z.optional(z.boolean()),
  paymentProvider: z.optional(z.looseObject({ type: z.optional(z.string()) })),
  note: z.optional(z.string()),
  card: z.optional(z.looseObject({ last4: z.string(), brand: z.optional(z.string()) })),
  paidAt: z.nullable(z.string()),
});
const list = z.looseObject({ data: z.array(order), totalCount: z.number() });

function read<T>(schema: z.ZodMiniType<T>, body: unknown) {
  const result = readTolerantly(schema, body);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('readTolerantly', () => {
  it('returns a valid body at once, with nothing kept raw', () => {
    const result = read(order, { _id: 'o1', amount: 10, paidAt: null });
    expect(result.data).toEqual({ _id: 'o1', amount: 10, paidAt: null });
    expect(result.keptRaw).toEqual([]);
  });

  it('reads numeric, money and boolean strings as the documented types', () => {
    const result = read(list, {
      data: [
        { _id: 'o1', amount: '100', liveMode: 'false', paidAt: null },
        { _id: 'o2', amount: '12.50', paidAt: null },
      ],
      totalCount: '2',
    });
    expect(result.data).toEqual({
      data: [
        { _id: 'o1', amount: 100, liveMode: false, paidAt: null },
        { _id: 'o2', amount: 12.5, paidAt: null },
      ],
      totalCount: 2,
    });
    expect(result.keptRaw).toEqual([]);
  });

  it('parses an object sent as JSON text', () => {
    const result = read(order, { _id: 'o1', paymentProvider: '{"type":"stripe"}', paidAt: null });
    expect(result.data.paymentProvider).toEqual({ type: 'stripe' });
  });

  it('keeps a field of another shape raw instead of dropping it or failing', () => {
    const result = read(order, {
      _id: 'o1',
      amount: '1e21',
      note: { text: 'hi' },
      paymentProvider: 'stripe',
      card: { last4: 4242, brand: 'visa' },
      paidAt: 17,
    });
    expect(result.data).toEqual({
      _id: 'o1',
      amount: '1e21',
      note: { text: 'hi' },
      paymentProvider: 'stripe',
      card: { last4: 4242, brand: 'visa' },
      paidAt: 17,
    });
    expect(result.keptRaw.map((field) => field.path.join('.')).sort()).toEqual(
      ['amount', 'card', 'note', 'paidAt', 'paymentProvider'].sort(),
    );
  });

  it('keeps raw fields inside list items', () => {
    const result = read(list, { data: [{ _id: 'o1', liveMode: 'yes', paidAt: null }], totalCount: 1 });
    expect(result.data.data[0]).toEqual({ _id: 'o1', liveMode: 'yes', paidAt: null });
  });

  it('fails when a required field is missing or cannot be repaired, naming only those', () => {
    const missing = readTolerantly(order, { amount: '5', paidAt: null });
    expect(missing.success).toBe(false);
    expect(!missing.success && missing.issues.map((issue) => issue.path.join('.'))).toEqual(['_id']);
    expect(readTolerantly(order, { _id: 12, paidAt: null }).success).toBe(false);
    expect(readTolerantly(list, { totalCount: 1 }).success).toBe(false);
    expect(readTolerantly(list, { data: 'nope', totalCount: 1 }).success).toBe(false);
    expect(readTolerantly(list, { data: [{ amount: 1, paidAt: null }], totalCount: 1 }).success).toBe(false);
    expect(readTolerantly(order, 'text').success).toBe(false);
  });

  it('keeps "__proto__" keys as plain fields and pollutes nothing', () => {
    const schema = z.looseObject({
      id: z.string(),
      counts: z.optional(z.record(z.string(), z.optional(z.number()))),
      meta: z.optional(z.looseObject({ size: z.number() })),
    });
    const body = JSON.parse(
      '{"id":"a","counts":{"__proto__":{"polluted":true},"other":"12"},"meta":{"__proto__":{"polluted":true},"size":"x"}}',
    );
    const result = read(schema, body);
    const data = result.data as { counts: Record<string, unknown>; meta: Record<string, unknown> };
    // zod leaves a record's "__proto__" key out (as on the happy path); the rest is read.
    expect(data.counts).toEqual({ other: 12 });
    expect(Object.getPrototypeOf(data.counts)).toBe(Object.prototype);
    // A subtree kept raw keeps its "__proto__" key as a plain own field.
    expect(Object.getOwnPropertyDescriptor(data.meta, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(data.meta)).toBe(Object.prototype);
    expect(data.meta.size).toBe('x');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
