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
import type { Transaction, TransactionStatus } from './transaction.js';

/**
 * Paya `status_id` values. ACH moves through origination before it settles, so 131–133
 * and 135 are pending; an AVS-only check that passed is a succeeded verification.
 */
export const payaTransactionStatuses: Readonly<Record<string, TransactionStatus>> = {
  '101': 'succeeded',
  '102': 'authorized',
  '111': 'refunded',
  '121': 'succeeded',
  '131': 'pending',
  '132': 'pending',
  '133': 'pending',
  '134': 'succeeded',
  '135': 'pending',
  '136': 'failed',
  '191': 'succeeded',
  '201': 'voided',
  '301': 'declined',
  '331': 'charged_back',
};

/** A Paya transaction as a {@link Transaction} (US dollars). Never throws. */
export function fromPayaTransaction(record: ProviderRecord, logger?: Logger): Transaction {
  const transaction = toRecord(record);
  const raw = textField(transaction, 'status_id');
  return {
    provider: 'paya',
    id: textField(transaction, 'id'),
    status: {
      unified: mapStatus(payaTransactionStatuses, raw, { provider: 'paya', kind: 'transaction', logger }),
      raw,
    },
    ...amountFields(transaction, 'transaction_amount', 'USD', {
      provider: 'paya',
      kind: 'transaction',
      logger,
    }),
    paymentMethod:
      stringField(transaction, 'payment_method') === 'cc'
        ? 'card'
        : stringField(transaction, 'payment_method'),
    customerId: stringField(transaction, 'contact_id'),
    reference: stringField(transaction, 'transaction_api_id') ?? stringField(transaction, 'order_num'),
    createdAt: unixToIso(transaction.created_ts),
    raw: record,
  };
}
