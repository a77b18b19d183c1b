import type { PaymentLinkStatus } from './payment-link-status.js';

/** One entry of a payment's status history. */
export interface PaymentStatusChange {
  /** Who changed it (merchant, user id). */
  initiatorId?: string | undefined;
  /** `merchant`, `public`, `process` or `user`. */
  initiatorType?: string | undefined;
  /** The status set. */
  status?: PaymentLinkStatus | (string & {}) | undefined;
  /** Login of the user who set it manually. */
  login?: string | undefined;
  /** The description given with a manual change. */
  description?: string | null | undefined;
  /** When. */
  dtsCreatedAt?: string | undefined;
  /** When last updated. */
  dtsUpdatedAt?: string | undefined;
  /** Any other field. */
  [field: string]: unknown;
}

/** The ACH part of a payment (bank numbers: redacted in logs). */
export interface PaymentAch {
  /** The ACH payment instruction. */
  payment?:
    | {
        routingNumber?: string | undefined;
        DFIAccountNumber?: string | undefined;
        amount?: number | undefined;
        [field: string]: unknown;
      }
    | undefined;
  /** The ACH transfer's result. */
  result?:
    | { cFiTransactionId?: string | undefined; status?: string | undefined; [field: string]: unknown }
    | undefined;
  /** Any other field. */
  [field: string]: unknown;
}

/** A connectFi payment link, as set-status, cancel and list return it (every other field kept). */
export interface ConnectFiPayment {
  /** The transaction id in connectFi. */
  cFiTransactionId: string;
  /** The client (aggregator) id. */
  cFiAggregatorId?: string | undefined;
  /** The merchant id. */
  cFiMerchantId?: string | undefined;
  /** Payer's name. */
  payerName?: string | undefined;
  /** Invoice number. */
  invoiceNumber?: string | undefined;
  /** Amount in dollars (a number, major units). */
  amount?: number | undefined;
  /** ISO 4217 currency. */
  currency?: string | undefined;
  /** Due date. */
  dueDate?: string | undefined;
  /** Description. */
  description?: string | null | undefined;
  /** Current status. */
  status: PaymentLinkStatus | (string & {});
  /** Payer fields (first name, email, ...). */
  fields?:
    | {
        index?: number | undefined;
        code?: string | undefined;
        label?: string | undefined;
        value?: string | null | undefined;
        [field: string]: unknown;
      }[]
    | undefined;
  /** `card`, `ach`. */
  availablePaymentType?: string[] | undefined;
  /** Every status change. */
  statusChangeHistory?: PaymentStatusChange[] | undefined;
  /** Created. */
  dtsCreatedAt?: string | undefined;
  /** Updated. */
  dtsUpdatedAt?: string | undefined;
  /** Link expiry. */
  dtsExpiredAt?: string | undefined;
  /** Link key. */
  link?: string | undefined;
  /** Payer URL. */
  url?: string | undefined;
  /** ACH details (bank numbers). */
  ach?: PaymentAch | undefined;
  /** When it was sent to the bank or processor. */
  dtsSentToPayAt?: string | undefined;
  /** `card` or `ach`. */
  paymentType?: string | undefined;
  /** True when the status was set manually and is locked against automatic updates. */
  manualStatus?: boolean | null | undefined;
  /** The merchant's own reference. */
  cFiMerchantRef?: string | undefined;
  /** Any other field. */
  [field: string]: unknown;
}

/** One page of `paymentLinks.list`. */
export interface PaymentLinkPage {
  /** The payment links. */
  payments: ConnectFiPayment[];
  /** The total matching, when the provider says. */
  totalCount?: number | undefined;
}
