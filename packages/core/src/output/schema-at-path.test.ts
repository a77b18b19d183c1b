import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { removableAncestor } from './schema-at-path.js';

const schema = z.looseObject({
  id: z.string(),
  note: z.optional(z.string()),
  paidAt: z.nullable(z.string()),
  card: z.optional(z.looseObject({ last4: z.string() })),
  records: z.array(z.looseObject({ _id: z.string(), amount: z.optional(z.number()) })),
  meta: z.optional(z.record(z.string(), z.number())),
});

describe('removableAncestor', () => {
  it('finds an optional or nullable field itself', () => {
    expect(removableAncestor(schema, ['note'])).toEqual({ path: ['note'], placeholder: { kind: 'delete' } });
    expect(removableAncestor(schema, ['paidAt'])).toEqual({
      path: ['paidAt'],
      placeholder: { kind: 'null' },
    });
    expect(removableAncestor(schema, ['records', 3, 'amount'])?.path).toEqual(['records', 3, 'amount']);
  });

  it('finds the nearest optional ancestor of a required field inside it', () => {
    expect(removableAncestor(schema, ['card', 'last4'])?.path).toEqual(['card']);
    expect(removableAncestor(schema, ['meta', '__proto__'])?.path).toEqual(['meta']);
  });

  it('says a required field is not removable', () => {
    expect(removableAncestor(schema, ['id'])).toBeUndefined();
    expect(removableAncestor(schema, ['records'])).toBeUndefined();
    expect(removableAncestor(schema, ['records', 0, '_id'])).toBeUndefined();
    expect(removableAncestor(schema, [])).toBeUndefined();
  });
});
