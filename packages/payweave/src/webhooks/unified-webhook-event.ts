import type { LeadConnectorEvent } from '@payweave/leadconnector';
import type { PayaPostback } from '@payweave/paya';
import type { PaymentRequest } from '../payment-requests/payment-request.js';
import type { Transaction } from '../transactions/transaction.js';

/** What happened to a payment request, whatever the provider's event was called. */
export type PaymentRequestEventType =
  | 'payment_request.created'
  | 'payment_request.updated'
  | 'payment_request.sent'
  | 'payment_request.paid'
  | 'payment_request.partially_paid'
  | 'payment_request.refunded'
  | 'payment_request.canceled'
  | 'payment_request.deleted';

/** What happened to a transaction, whatever the provider's event was called. */
export type TransactionEventType =
  | 'transaction.created'
  | 'transaction.updated'
  | 'transaction.refunded'
  | 'transaction.voided';

/** A payment-request event in payweave's shape: the request as the unified view reads it. */
export interface PaymentRequestEvent {
  /** What happened. */
  readonly type: PaymentRequestEventType;
  /** The payment request the event is about, as `pw.paymentRequests` would show it. */
  readonly paymentRequest: PaymentRequest;
}

/** A transaction event in payweave's shape: the transaction as the unified view reads it. */
export interface TransactionEvent {
  /** What happened. */
  readonly type: TransactionEventType;
  /** The transaction the event is about, as `pw.transactions` would show it. */
  readonly transaction: Transaction;
}

/** A unified event: about a payment request or a transaction. */
export type UnifiedWebhookEvent = PaymentRequestEvent | TransactionEvent;

/** The providers whose deliveries `pw.webhooks.unwrap` verifies. */
export type WebhookProvider = 'leadconnector' | 'paya';

/** Each provider's own event type. */
export interface ProviderWebhookEvents {
  /** A verified HighLevel marketplace webhook. */
  leadconnector: LeadConnectorEvent;
  /** A Paya postback (basic-auth checked). */
  paya: PayaPostback;
}

/**
 * A verified delivery: `unified` when the event is about a payment request or a transaction
 * (`undefined` for the rest: installs, products, contacts, batches), `raw` the provider's own
 * typed event, as in the unified views.
 */
export interface UnwrappedWebhook<Provider extends WebhookProvider = WebhookProvider> {
  /** Which provider sent it. */
  readonly provider: Provider;
  /** The event in payweave's shape, when it has one. */
  readonly unified: UnifiedWebhookEvent | undefined;
  /** The provider's typed event. */
  readonly raw: ProviderWebhookEvents[Provider];
}
