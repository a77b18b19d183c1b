import type { PayConnectInvoiceStatus } from './invoice-status.js';

/** A PayConnect invoice (assumed fields; every other field the provider sends is kept). */
export interface PayConnectInvoice {
  /** PayConnect's id of the invoice. */
  invoiceId: string;
  /** The invoice number shown to the customer. */
  invoiceNumber?: string | undefined;
  /** PayConnect's id of the request that produced this response. */
  correlationId?: string | undefined;
  /** Who is billed. */
  customer?: { name?: string | undefined; email?: string | undefined; [field: string]: unknown } | undefined;
  /** What is billed. */
  lineItems?:
    | {
        description?: string | undefined;
        quantity?: number | undefined;
        unitPrice?: string | number | undefined;
        [field: string]: unknown;
      }[]
    | undefined;
  /** Total of the line items (decimal string). */
  total?: string | number | undefined;
  /** What is still owed (decimal string). */
  amountDue?: string | number | undefined;
  /** What has been paid (decimal string). */
  amountPaid?: string | number | undefined;
  /** ISO 4217 currency. */
  currency?: string | undefined;
  /** Due date, YYYY-MM-DD. */
  dueDate?: string | undefined;
  /** The provider's status (`Draft`, `Sent`, `PartiallyPaid`, `Paid`, `Void`, ...). */
  status?: PayConnectInvoiceStatus | (string & {}) | undefined;
  /** Creation time. */
  createdAt?: string | undefined;
  /** Last change. */
  updatedAt?: string | undefined;
  /** Any other field PayConnect sends. */
  [field: string]: unknown;
}

/** PayConnect's pagination metadata of one search page. */
export interface PayConnectPagination {
  /** 1-based page number. */
  page?: number | undefined;
  /** Records per page. */
  pageSize?: number | undefined;
  /** Records matching the filters. */
  totalCount?: number | undefined;
  /** Pages in all. */
  totalPages?: number | undefined;
  /** Any other field PayConnect sends. */
  [field: string]: unknown;
}

/** One search page: the invoices and the pagination. */
export interface PayConnectSearchPage {
  /** The invoices on this page. */
  invoices: PayConnectInvoice[];
  /** Pagination metadata, when sent. */
  pagination?: PayConnectPagination | undefined;
  /** Any other field PayConnect sends. */
  [field: string]: unknown;
}

/** A session as issued by PayConnect. */
export interface PayConnectIssuedSession {
  /** The session token (a secret). */
  readonly sessionToken: string;
  /** When it expires (UTC). */
  readonly expiresAt: Date;
}
