import { type Logger, money } from '@payweave/core';
import {
  amountFields,
  moneyField,
  objectField,
  type ProviderRecord,
  stringField,
  textField,
  toRecord,
  unixToIso,
} from '../record-fields.js';
import { mapStatus } from '../status-table.js';
import type { PaymentRequest, PaymentRequestStatus } from './payment-request.js';

/**
 * Paya quick invoice states: `payment_status_id` (1 unpaid, 2 paid, 3 partially paid)
 * combined with `status_id` (0 closed), `is_active` / `active` and `expire_date`, because a
 * closed, deactivated or lapsed invoice keeps its payment status.
 *
 * @example
 * ```ts
 * payaQuickInvoiceStatuses.partially_paid; // 'partially_paid'
 * ```
 */
export const payaQuickInvoiceStatuses: Readonly<Record<string, PaymentRequestStatus>> = {
  unpaid: 'open',
  partially_paid: 'partially_paid',
  paid: 'paid',
  closed: 'canceled',
  inactive: 'canceled',
  expired: 'expired',
};

function isOff(value: unknown): boolean {
  return value === 0 || value === false || value === '0';
}

/** The raw state: paid first, then closed / inactive / expired, then the payment status. */
function rawState(invoice: ProviderRecord, today: string): string {
  const payment = textField(invoice, 'payment_status_id');
  if (payment === '2') return 'paid';
  if (textField(invoice, 'status_id') === '0') return 'closed';
  if (['is_active', 'active'].some((key) => Object.hasOwn(invoice, key) && isOff(invoice[key])))
    return 'inactive';
  const expires = stringField(invoice, 'expire_date');
  if (expires !== undefined && expires < today) return 'expired';
  if (payment === '3') return 'partially_paid';
  if (payment === '1') return 'unpaid';
  return `payment_status_id=${payment}`;
}

/**
 * The payer's page, when Paya's answer names it: `_links.self.href` of a quick invoice is
 * `{url}/v2/quickinvoice/view?id={id}` in Paya's docs. The SDK never builds the link (Paya
 * documents two different forms of it).
 */
function payerUrl(invoice: ProviderRecord): string | undefined {
  const href = stringField(objectField(objectField(invoice, '_links'), 'self'), 'href');
  return href?.includes('/quickinvoice/view') ? href : undefined;
}

/**
 * A Paya quick invoice as a {@link PaymentRequest} of kind `quick_invoice` (Paya amounts are
 * US dollars; `amountPaid` is `amount_due` - `remaining_balance`). Never throws.
 *
 * @example
 * ```ts
 * const request = fromPayaQuickInvoice({ id, amount_due: '21.00', remaining_balance: '11.00', payment_status_id: 3 });
 * request.status; // { unified: 'partially_paid', raw: 'partially_paid' }
 * ```
 */
export function fromPayaQuickInvoice(
  record: ProviderRecord,
  logger?: Logger,
  now = new Date(),
): PaymentRequest {
  const invoice = toRecord(record);
  const today = now instanceof Date && Number.isFinite(now.getTime()) ? now : new Date();
  const raw = rawState(invoice, today.toISOString().slice(0, 10));
  const context = { provider: 'paya', kind: 'quick invoice', logger };
  const amount = amountFields(invoice, 'amount_due', 'USD', context);
  const remaining = moneyField(invoice, 'remaining_balance', 'USD');
  const paid =
    amount.amount && remaining && amount.amount.amountMinor >= remaining.amountMinor
      ? money(amount.amount.amountMinor - remaining.amountMinor, 'USD')
      : undefined;
  const contactId = stringField(invoice, 'contact_id');
  const email = stringField(invoice, 'email');
  return {
    provider: 'paya',
    id: textField(invoice, 'id'),
    kind: 'quick_invoice',
    status: { unified: mapStatus(payaQuickInvoiceStatuses, raw, context), raw },
    ...amount,
    ...(paid ? { amountPaid: paid } : {}),
    url: payerUrl(invoice),
    ...(contactId || email ? { customer: { id: contactId, email } } : {}),
    reference: stringField(invoice, 'invoice_number'),
    dueAt: stringField(invoice, 'due_date'),
    createdAt: unixToIso(invoice.created_ts),
    raw: record,
  };
}
