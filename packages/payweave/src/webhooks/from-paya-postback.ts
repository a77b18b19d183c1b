import type { Logger } from '@payweave/core';
import type { PayaPostback } from '@payweave/paya';
import { fromPayaTransaction } from '../transactions/from-paya-transaction.js';
import type { TransactionEventType, UnifiedWebhookEvent } from './unified-webhook-event.js';

// `type_id` 30 is a refund; 40 is an ACH credit, a refund only when it names the transaction it
// returns money from (a credit without one is a payout).
function isRefund(record: { type_id?: unknown; previous_transaction_id?: unknown }): boolean {
  const typeId = Number(record.type_id);
  return typeId === 30 || (typeId === 40 && typeof record.previous_transaction_id === 'string');
}

/**
 * A Paya postback in payweave's shape: transaction postbacks are transaction events (a refund
 * transaction created is `transaction.refunded`, a change to voided is `transaction.voided`);
 * contacts, vaults and batches have no unified form (`undefined`). Never throws.
 */
export function fromPayaPostback(event: PayaPostback, logger?: Logger): UnifiedWebhookEvent | undefined {
  if (event.resource !== 'transaction') return undefined;
  const transaction = fromPayaTransaction(event.record, logger);
  let type: TransactionEventType;
  if (event.action === 'CREATE')
    type = isRefund(event.record) ? 'transaction.refunded' : 'transaction.created';
  else if (transaction.status.unified === 'voided') type = 'transaction.voided';
  else if (transaction.status.unified === 'refunded' || transaction.status.unified === 'partially_refunded') {
    type = 'transaction.refunded';
  } else type = 'transaction.updated';
  return { type, transaction };
}
