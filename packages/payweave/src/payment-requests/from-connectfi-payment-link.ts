import type { Logger } from '@payweave/core';
import {
  amountFields,
  currencyField,
  type ProviderRecord,
  stringField,
  textField,
  toRecord,
} from '../record-fields.js';
import { mapStatus } from '../status-table.js';
import type { PaymentRequest, PaymentRequestStatus } from './payment-request.js';

/**
 * connectFi payment-link statuses. `Completed` means the bank or processor acknowledged
 * the payment; `Returned` is an ACH return after the fact, so the request failed.
 */
export const connectFiPaymentLinkStatuses: Readonly<Record<string, PaymentRequestStatus>> = {
  Initiated: 'open',
  Sent: 'open',
  Processing: 'processing',
  SentToPay: 'processing',
  Completed: 'paid',
  Settled: 'paid',
  Returned: 'failed',
  Declined: 'failed',
  Rejected: 'failed',
  Error: 'failed',
  Expired: 'expired',
  Cancelled: 'canceled',
};

/** A connectFi payment link as a {@link PaymentRequest}. Never throws. */
export function fromConnectFiPaymentLink(record: ProviderRecord, logger?: Logger): PaymentRequest {
  const link = toRecord(record);
  const raw = stringField(link, 'status') ?? '';
  const currency = currencyField(link, 'currency') ?? 'USD';
  const unified = mapStatus(connectFiPaymentLinkStatuses, raw, {
    provider: 'connectfi',
    kind: 'payment link',
    logger,
  });
  const amount = amountFields(link, 'amount', currency, {
    provider: 'connectfi',
    kind: 'payment link',
    logger,
  });
  const payerName = stringField(link, 'payerName');
  return {
    provider: 'connectfi',
    id: textField(link, 'cFiTransactionId'),
    kind: 'payment_link',
    status: { unified, raw },
    ...amount,
    ...(unified === 'paid' && amount.amount ? { amountPaid: amount.amount } : {}),
    url: stringField(link, 'url') ?? stringField(link, 'link'),
    ...(payerName ? { customer: { name: payerName } } : {}),
    reference: stringField(link, 'invoiceNumber'),
    dueAt: stringField(link, 'dueDate'),
    createdAt: stringField(link, 'dtsCreatedAt'),
    raw: record,
  };
}
