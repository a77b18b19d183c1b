/**
 * A tiny piece of "your app": charge a customer's stored card for an order, and tell the
 * shop what happened. It only knows payweave's Paya client, so its tests can run it
 * against the simulator with no credentials (see checkout.test.ts).
 */
import type { PayaClient } from '@payweave/paya';

/** What the shop shows after checkout. */
export type CheckoutOutcome =
  | { readonly kind: 'paid'; readonly transactionId: string }
  | { readonly kind: 'declined'; readonly reason: string }
  | { readonly kind: 'try-again-later'; readonly code: string }
  | { readonly kind: 'invalid'; readonly fields: readonly string[] };

/** Charges an order; a decline and a failure are outcomes, never exceptions. */
export async function checkout(
  paya: PayaClient,
  order: { id: string; total: string; card: { number: string; expiry: string } },
): Promise<CheckoutOutcome> {
  const sale = await paya.transactions.sale({
    transaction_amount: order.total,
    account_number: order.card.number,
    exp_date: order.card.expiry,
    order_num: order.id,
    // The order id doubles as the client reference: a retried checkout can never charge twice.
    transaction_api_id: `order-${order.id}`,
  });
  if (sale.isErr()) {
    const error = sale.error;
    if (error.code === 'validation') return { kind: 'invalid', fields: Object.keys(error.fieldErrors ?? {}) };
    return { kind: 'try-again-later', code: error.code };
  }
  if (sale.value.status !== 'approved') return { kind: 'declined', reason: sale.value.reason };
  return { kind: 'paid', transactionId: sale.value.id };
}
