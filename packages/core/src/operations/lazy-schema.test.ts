import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema.js';

describe('lazySchema', () => {
  it('builds the schema on first use, once, and parses like it', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return z.strictObject({
        amount: z.string().check(z.regex(/^\d+\.\d{2}$/)),
        note: z.optional(z.string()),
      });
    });
    expect(builds).toBe(0);
    expect(z.safeParse(schema, { amount: '10.00' })).toMatchObject({
      success: true,
      data: { amount: '10.00' },
    });
    expect(z.safeParse(schema, { amount: '10', extra: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('composes into other schemas, is a zod type, and gives the same JSON Schema', () => {
    const inner = lazySchema(() => z.looseObject({ id: z.string() }));
    const envelope = z.looseObject({ transaction: inner });
    expect(z.safeParse(envelope, { transaction: { id: 't1', other: 2 } })).toMatchObject({
      success: true,
      data: { transaction: { id: 't1', other: 2 } },
    });
    expect(inner instanceof z.ZodMiniObject).toBe(true);
    expect(z.toJSONSchema(inner)).toEqual(z.toJSONSchema(z.looseObject({ id: z.string() })));
    expect(z.toJSONSchema(z.extend(inner, { n: z.number() }))).toMatchObject({ required: ['id', 'n'] });
  });
});
