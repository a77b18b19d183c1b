import { type Money, toMoney } from '@payweave/core';

/** Paya amounts are US dollars. */
export const payaCurrency = 'USD';

/** A decimal amount as Paya sent it (`"10.00"` or `10`), as {@link Money}; `undefined` when absent or unreadable. */
export function payaMoney(value: unknown): Money | undefined {
  return typeof value === 'string' || typeof value === 'number' ? toMoney(value, payaCurrency) : undefined;
}
