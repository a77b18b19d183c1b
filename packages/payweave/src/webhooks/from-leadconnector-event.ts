import type { Logger } from '@payweave/core';
import type { LeadConnectorEvent } from '@payweave/leadconnector';
import { fromLeadConnectorOrder } from '../payment-requests/from-leadconnector-order.js';
import type { PaymentRequest, PaymentRequestStatus } from '../payment-requests/payment-request.js';
import {
  amountFields,
  currencyField,
  moneyField,
  objectField,
  stringField,
  textField,
  toRecord,
} from '../record-fields.js';
import { mapStatus } from '../status-table.js';
import type { PaymentRequestEventType, UnifiedWebhookEvent } from './unified-webhook-event.js';

/** HighLevel invoice `status` values (the invoice events' examples). */
export const leadConnectorInvoiceStatuses: Readonly<Record<string, PaymentRequestStatus>> = {
  draft: 'draft',
  sent: 'open',
  paid: 'paid',
  partially_paid: 'partially_paid',
  void: 'canceled',
  delete: 'canceled',
};

function fromInvoice(data: unknown, logger?: Logger): PaymentRequest {
  const invoice = toRecord(data);
  const raw = stringField(invoice, 'status') ?? '';
  const currency = currencyField(invoice, 'currency') ?? 'USD';
  const contact = objectField(invoice, 'contactDetails');
  const amountPaid = moneyField(invoice, 'amountPaid', currency);
  return {
    provider: 'leadconnector',
    id: textField(invoice, '_id'),
    kind: 'invoice',
    status: {
      unified: mapStatus(leadConnectorInvoiceStatuses, raw, {
        provider: 'leadconnector',
        kind: 'invoice',
        logger,
      }),
      raw,
    },
    ...amountFields(invoice, 'total', currency, { provider: 'leadconnector', kind: 'invoice', logger }),
    ...(amountPaid ? { amountPaid } : {}),
    customer: {
      id: stringField(contact, 'id'),
      name: stringField(contact, 'name'),
      email: stringField(contact, 'email'),
    },
    reference: stringField(invoice, 'invoiceNumber'),
    dueAt: stringField(invoice, 'dueDate'),
    createdAt: stringField(invoice, 'createdAt'),
    raw: data,
  };
}

const invoiceEventTypes: Readonly<Record<string, PaymentRequestEventType>> = {
  InvoiceCreate: 'payment_request.created',
  InvoiceUpdate: 'payment_request.updated',
  InvoiceSent: 'payment_request.sent',
  InvoicePaid: 'payment_request.paid',
  InvoicePartiallyPaid: 'payment_request.partially_paid',
  InvoiceVoid: 'payment_request.canceled',
  InvoiceDelete: 'payment_request.deleted',
};

// An order status change is named by where the order is now: HighLevel sends one event name.
const orderUpdateTypes: Partial<Record<PaymentRequestStatus, PaymentRequestEventType>> = {
  paid: 'payment_request.paid',
  partially_paid: 'payment_request.partially_paid',
  refunded: 'payment_request.refunded',
  partially_refunded: 'payment_request.refunded',
  canceled: 'payment_request.canceled',
};

/**
 * A HighLevel event in payweave's shape: orders and invoices are payment requests; installs,
 * products, prices and unknown events have no unified form (`undefined`). Never throws.
 */
export function fromLeadConnectorEvent(
  event: LeadConnectorEvent,
  logger?: Logger,
): UnifiedWebhookEvent | undefined {
  switch (event.type) {
    case 'OrderCreate':
    case 'OrderStatusUpdate': {
      const paymentRequest = fromLeadConnectorOrder(event.data, logger);
      const type =
        event.type === 'OrderCreate'
          ? 'payment_request.created'
          : (orderUpdateTypes[paymentRequest.status.unified] ?? 'payment_request.updated');
      return { type, paymentRequest };
    }
    case 'InvoiceCreate':
    case 'InvoiceUpdate':
    case 'InvoiceSent':
    case 'InvoicePaid':
    case 'InvoicePartiallyPaid':
    case 'InvoiceVoid':
    case 'InvoiceDelete':
      return {
        type: invoiceEventTypes[event.type] ?? 'payment_request.updated',
        paymentRequest: fromInvoice(event.data, logger),
      };
    default:
      return undefined;
  }
}
