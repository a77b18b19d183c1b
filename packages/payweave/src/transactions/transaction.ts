import type { Money } from '@payweave/core';

/** The unified status of a transaction. */
export type TransactionStatus =
  | 'pending'
  | 'authorized'
  | 'succeeded'
  | 'declined'
  | 'failed'
  | 'voided'
  | 'refunded'
  | 'partially_refunded'
  | 'charged_back'
  | 'unknown';

/** The providers with transactions. */
export type TransactionProvider = 'paya' | 'leadconnector';

/** One transaction (Paya, LeadConnector) in payweave's own shape; `raw` keeps the provider's record. */
export interface Transaction {
  /** Which provider holds it. */
  readonly provider: TransactionProvider;
  /** The provider's id. */
  readonly id: string;
  /** The unified status and the provider's own value. */
  readonly status: { readonly unified: TransactionStatus; readonly raw: string };
  /** The amount; `null` when the provider's value is missing or cannot be read (see `amountRaw`). */
  readonly amount: Money | null;
  /** The provider's amount when it could not be read (`12.345` for USD); never shown as a number that is not true. */
  readonly amountRaw?: unknown;
  /** What was refunded, when the provider says. */
  readonly amountRefunded?: Money | undefined;
  /** `card` or `ach`, when known. */
  readonly paymentMethod?: string | undefined;
  /** The customer's id at the provider. */
  readonly customerId?: string | undefined;
  /** The caller's reference (`transaction_api_id`, `order_num`, LeadConnector entity id). */
  readonly reference?: string | undefined;
  /** When it was created (ISO date-time). */
  readonly createdAt?: string | undefined;
  /** The provider's record, unchanged. */
  readonly raw: unknown;
}
