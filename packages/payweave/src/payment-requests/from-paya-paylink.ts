import type { Logger } from '@payweave/core';
import {
  amountFields,
  type ProviderRecord,
  stringField,
  textField,
  toRecord,
  unixToIso,
} from '../record-fields.js';
import { mapStatus } from '../status-table.js';
import type { PaymentRequest, PaymentRequestStatus } from './payment-request.js';

/**
 * Paya paylink states: `status_id` 0 unpaid / 1 paid, combined with `active` and
 * `expire_date` because Paya has no separate status for a closed or lapsed paylink.
 */
export const payaPaylinkStatuses: Readonly<Record<string, PaymentRequestStatus>> = {
  unpaid: 'open',
  paid: 'paid',
  inactive: 'canceled',
  expired: 'expired',
};

function rawState(paylink: ProviderRecord, today: string): string {
  const status = textField(paylink, 'status_id');
  if (status === '1') return 'paid';
  if (status !== '0') return `status_id=${status}`;
  const active = Object.hasOwn(paylink, 'active') ? paylink.active : undefined;
  if (active === 0 || active === false || active === '0') return 'inactive';
  const expires = stringField(paylink, 'expire_date');
  if (expires !== undefined && expires < today) return 'expired';
  return 'unpaid';
}

/** A Paya paylink as a {@link PaymentRequest} (Paya amounts are US dollars). Never throws. */
export function fromPayaPaylink(record: ProviderRecord, logger?: Logger, now = new Date()): PaymentRequest {
  const paylink = toRecord(record);
  const today = now instanceof Date && Number.isFinite(now.getTime()) ? now : new Date();
  const raw = rawState(paylink, today.toISOString().slice(0, 10));
  const amount = amountFields(paylink, 'amount_due', 'USD', { provider: 'paya', kind: 'paylink', logger });
  const contactId = stringField(paylink, 'contact_id');
  const email = stringField(paylink, 'email');
  return {
    provider: 'paya',
    id: textField(paylink, 'id'),
    kind: 'paylink',
    status: {
      unified: mapStatus(payaPaylinkStatuses, raw, { provider: 'paya', kind: 'paylink', logger }),
      raw,
    },
    ...amount,
    ...(raw === 'paid' && amount.amount ? { amountPaid: amount.amount } : {}),
    url: stringField(paylink, 'payment_url'),
    ...(contactId || email ? { customer: { id: contactId, email } } : {}),
    reference: stringField(paylink, 'paylink_api_id'),
    dueAt: stringField(paylink, 'expire_date'),
    createdAt: unixToIso(paylink.created_ts),
    raw: record,
  };
}
