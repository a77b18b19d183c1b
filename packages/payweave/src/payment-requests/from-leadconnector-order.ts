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

/**
 * LeadConnector order states. The order `paymentStatus` (`paid`, `unpaid`, `refunded`,
 * `partially_paid`, the spec's filter values) says more than `status`, so it wins when present.
 */
export const leadConnectorOrderStatuses: Readonly<Record<string, PaymentRequestStatus>> = {
  unpaid: 'open',
  paid: 'paid',
  partially_paid: 'partially_paid',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
  draft: 'draft',
  pending: 'open',
  completed: 'paid',
  cancelled: 'canceled',
  canceled: 'canceled',
  failed: 'failed',
  void: 'canceled',
};

/** A LeadConnector order as a {@link PaymentRequest} (amounts are major units). Never throws. */
export function fromLeadConnectorOrder(record: ProviderRecord, logger?: Logger): PaymentRequest {
  const order = toRecord(record);
  const raw = stringField(order, 'paymentStatus') ?? stringField(order, 'status') ?? '';
  const currency = currencyField(order, 'currency') ?? 'USD';
  const contact = objectField(order, 'contactSnapshot');
  const amountPaid = moneyField(order, 'amountPaid', currency);
  return {
    provider: 'leadconnector',
    id: textField(order, '_id'),
    kind: 'order',
    status: {
      unified: mapStatus(leadConnectorOrderStatuses, raw, {
        provider: 'leadconnector',
        kind: 'order',
        logger,
      }),
      raw,
    },
    ...amountFields(order, 'amount', currency, { provider: 'leadconnector', kind: 'order', logger }),
    ...(amountPaid ? { amountPaid } : {}),
    customer: {
      id: stringField(order, 'contactId'),
      name: stringField(order, 'contactName') ?? stringField(contact, 'name'),
      email: stringField(order, 'contactEmail') ?? stringField(contact, 'email'),
    },
    reference: stringField(order, 'sourceId'),
    createdAt: stringField(order, 'createdAt'),
    raw: record,
  };
}
