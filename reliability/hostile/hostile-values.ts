import fc from 'fast-check';

/** Values no field of any operation may accept. */
export const alwaysRefused: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Boundary values tried on every field; the operation's schema decides which it accepts. */
export const boundaryValues: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(100_000),
  '\u0000',
  '💳'.repeat(40),
  'ﬁ\u202e<script>',
  -1,
  0,
  1e21,
  -0.001,
  true,
  null,
  {},
  [],
  [null],
  { nested: { deep: 1 } },
];

/** Amounts a money field must refuse: negative and more precise than cents. */
export const badAmounts: readonly unknown[] = ['-5.00', -5, '10.001', 10.001, '1e3', '10,00', ' 10.00'];

/** Random hostile values: wrong types, odd strings, odd numbers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...boundaryValues, ...alwaysRefused),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ minLength: 300, maxLength: 5_000 }),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

/** Names of top-level fields that hold money. */
export function isAmountField(key: string): boolean {
  return /amount|price/i.test(key);
}
