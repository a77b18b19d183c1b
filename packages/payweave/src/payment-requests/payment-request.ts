import type { Money } from '@payweave/core';

/** The unified status of a payment request, whatever the provider calls it. */
export type PaymentRequestStatus =
  | 'draft'
  | 'open'
  | 'processing'
  | 'partially_paid'
  | 'paid'
  | 'partially_refunded'
  | 'refunded'
  | 'canceled'
  | 'expired'
  | 'failed'
  | 'unknown';

/**
 * What each provider's payment request is: a PayConnect `invoice`, a Paya `paylink` or
 * `quick_invoice`, a connectFi `payment_link`, a LeadConnector `order`.
 */
export type PaymentRequestKind = 'invoice' | 'paylink' | 'quick_invoice' | 'payment_link' | 'order';

/** The providers that have payment requests. */
export type PaymentRequestProvider = 'paya' | 'payconnect' | 'connectfi' | 'leadconnector';

/**
 * One payment request (PayConnect invoice, Paya paylink or quick invoice, connectFi payment
 * link, LeadConnector order) in payweave's own camelCase shape. `raw` keeps the provider's record.
 */
export interface PaymentRequest {
  /** Which provider holds it. */
  readonly provider: PaymentRequestProvider;
  /** The provider's id. */
  readonly id: string;
  /** What kind of record it is. */
  readonly kind: PaymentRequestKind;
  /** The unified status and the provider's own value. */
  readonly status: { readonly unified: PaymentRequestStatus; readonly raw: string };
  /** The amount; `null` when the provider's value is missing or cannot be read (see `amountRaw`). */
  readonly amount: Money | null;
  /** The provider's amount when it could not be read (`12.345` for USD); never shown as a number that is not true. */
  readonly amountRaw?: unknown;
  /** What has been paid, when the provider says. */
  readonly amountPaid?: Money | undefined;
  /** Where the payer pays, when known. */
  readonly url?: string | undefined;
  /** The payer, when known. */
  readonly customer?:
    | {
        readonly id?: string | undefined;
        readonly name?: string | undefined;
        readonly email?: string | undefined;
      }
    | undefined;
  /** The caller's own reference (invoice number, `paylink_api_id`). */
  readonly reference?: string | undefined;
  /** When payment is due (ISO date or date-time). */
  readonly dueAt?: string | undefined;
  /** When it was created (ISO date-time). */
  readonly createdAt?: string | undefined;
  /** The provider's record, unchanged. */
  readonly raw: unknown;
}
