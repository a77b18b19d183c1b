import type { Logger } from '@payweave/core';
import {
  amountFields,
  currencyField,
  moneyField,
  type ProviderRecord,
  stringField,
  textField,
  toRecord,
} from '../record-fields.js';
import { mapStatus } from '../status-table.js';
import type { Transaction, TransactionStatus } from './transaction.js';

/** LeadConnector transaction `status` strings (typed `object` in the spec, a string on the wire). */
export const leadConnectorTransactionStatuses: Readonly<Record<string, TransactionStatus>> = {
  pending: 'pending',
  authorized: 'authorized',
  succeeded: 'succeeded',
  success: 'succeeded',
  paid: 'succeeded',
  failed: 'failed',
  declined: 'declined',
  voided: 'voided',
  void: 'voided',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
  disputed: 'charged_back',
  chargeback: 'charged_back',
  charged_back: 'charged_back',
};

/** A LeadConnector transaction as a {@link Transaction} (major units). Never throws. */
export function fromLeadConnectorTransaction(record: ProviderRecord, logger?: Logger): Transaction {
  const transaction = toRecord(record);
  const raw = stringField(transaction, 'status') ?? '';
  const currency = currencyField(transaction, 'currency') ?? 'USD';
  const refunded = moneyField(transaction, 'amountRefunded', currency);
  return {
    provider: 'leadconnector',
    id: textField(transaction, '_id'),
    status: {
      unified: mapStatus(leadConnectorTransactionStatuses, raw, {
        provider: 'leadconnector',
        kind: 'transaction',
        logger,
      }),
      raw,
    },
    ...amountFields(transaction, 'amount', currency, {
      provider: 'leadconnector',
      kind: 'transaction',
      logger,
    }),
    ...(refunded && refunded.amountMinor > 0 ? { amountRefunded: refunded } : {}),
    paymentMethod: stringField(transaction, 'paymentProviderType'),
    customerId: stringField(transaction, 'contactId'),
    reference: stringField(transaction, 'entityId'),
    createdAt: stringField(transaction, 'createdAt'),
    raw: record,
  };
}
