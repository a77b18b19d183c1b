import type { Logger } from '@payweave/core';
import {
  amountFields,
  currencyField,
  moneyField,
  objectField,
  type ProviderRecord,
  stringField,
  textField,
  toRecord,
} from '../record-fields.js';
import { mapStatus } from '../status-table.js';
import type { PaymentRequest, PaymentRequestStatus } from './payment-request.js';

/** PayConnect invoice `status` values. An overdue invoice can still be paid, so it is open. */
export const payConnectInvoiceStatuses: Readonly<Record<string, PaymentRequestStatus>> = {
  Draft: 'draft',
  Open: 'open',
  Sent: 'open',
  Overdue: 'open',
  PartiallyPaid: 'partially_paid',
  Paid: 'paid',
  Void: 'canceled',
};

/** A PayConnect invoice as a {@link PaymentRequest}. Never throws. */
export function fromPayConnectInvoice(record: ProviderRecord, logger?: Logger): PaymentRequest {
  const invoice = toRecord(record);
  // Workflow-shaped records rename `status` to `providerStatus`; accept both.
  const raw = stringField(invoice, 'status') ?? stringField(invoice, 'providerStatus') ?? '';
  const currency = currencyField(invoice, 'currency') ?? 'USD';
  const customer = objectField(invoice, 'customer');
  const amountPaid = moneyField(invoice, 'amountPaid', currency);
  return {
    provider: 'payconnect',
    id: textField(invoice, 'invoiceId'),
    kind: 'invoice',
    status: {
      unified: mapStatus(payConnectInvoiceStatuses, raw, { provider: 'payconnect', kind: 'invoice', logger }),
      raw,
    },
    // `amountDue` falls as payments arrive; the request amount is the invoice total when known.
    ...amountFields(
      invoice,
      invoice.total !== undefined && invoice.total !== null ? 'total' : 'amountDue',
      currency,
      {
        provider: 'payconnect',
        kind: 'invoice',
        logger,
      },
    ),
    ...(amountPaid ? { amountPaid } : {}),
    url: stringField(invoice, 'paymentUrl'),
    ...(Object.keys(customer).length > 0
      ? {
          customer: {
            id: stringField(customer, 'id'),
            name: stringField(customer, 'name'),
            email: stringField(customer, 'email'),
          },
        }
      : {}),
    reference: stringField(invoice, 'invoiceNumber'),
    dueAt: stringField(invoice, 'dueDate'),
    createdAt: stringField(invoice, 'createdAt'),
    raw: record,
  };
}
