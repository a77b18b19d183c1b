import { Err, type PageIterator, type PaymentsError, type Result } from '@payweave/core';
import { chainPages } from '../facade-guards.js';
import { describeValue, invalidInput } from '../facade-input.js';
import type { ProviderClients } from '../providers/provider-map.js';
import type { ProviderRecord } from '../record-fields.js';
import type { UnifiedAdapter } from '../unified-service.js';
import { failingIterator } from '../unsupported.js';
import { fromPayaPaylink } from './from-paya-paylink.js';
import { fromPayaQuickInvoice } from './from-paya-quick-invoice.js';
import type { PaymentRequest } from './payment-request.js';

type PayaClient = ProviderClients['paya'];

/**
 * The two Paya records that are payment requests.
 *
 * @example
 * ```ts
 * const kind: PayaPaymentRequestKind = 'quick_invoice';
 * await pw.paymentRequests.retrieve({ provider: 'paya', id: invoiceId, kind });
 * ```
 */
export type PayaPaymentRequestKind = 'paylink' | 'quick_invoice';

/**
 * Paya paylink filters (`paya.paylinks.list`).
 *
 * @example
 * ```ts
 * const filters: PayaPaylinkFilters = { status_id: 0, created_ts: 'this month' };
 * pw.paymentRequests.list({ provider: 'paya', ...filters });
 * ```
 */
export type PayaPaylinkFilters = NonNullable<Parameters<PayaClient['paylinks']['list']>[0]>;

/**
 * Paya quick invoice filters (`paya.quickInvoices.list`).
 *
 * @example
 * ```ts
 * const filters: PayaQuickInvoiceFilters = { payment_status_id: [1, 3] };
 * pw.paymentRequests.list({ provider: 'paya', kind: 'quick_invoice', ...filters });
 * ```
 */
export type PayaQuickInvoiceFilters = NonNullable<Parameters<PayaClient['quickInvoices']['list']>[0]>;

/**
 * The list filters of Paya payment requests. Paylink and quick invoice ids look alike (24 hex
 * characters), so `kind` says which records a list walks:
 * - `kind: 'quick_invoice'` with quick invoice filters: quick invoices only;
 * - `kind: 'paylink'`, or paylink filters without `kind` (as before quick invoices joined):
 *   paylinks only;
 * - no `kind` and no filters (also the walk across providers): paylinks, then quick invoices.
 *
 * @example
 * ```ts
 * pw.paymentRequests.list({ provider: 'paya', kind: 'quick_invoice', payment_status_id: [1, 3] });
 * ```
 */
export type PayaPaymentRequestFilters =
  | ({ kind?: 'paylink' } & PayaPaylinkFilters)
  | ({ kind: 'quick_invoice' } & PayaQuickInvoiceFilters);

const kinds: readonly string[] = ['paylink', 'quick_invoice'];

function badKind(where: string, kind: unknown): PaymentsError {
  return invalidInput(
    where,
    'kind',
    `must be "paylink" or "quick_invoice" for paya (got ${describeValue(kind)})`,
    'paya',
  );
}

function paylinks(
  client: PayaClient,
  filters: object,
  options: Parameters<PayaClient['paylinks']['list']>[1],
  logger?: Parameters<typeof fromPayaPaylink>[1],
) {
  return client.paylinks
    .list(filters as PayaPaylinkFilters, options)
    .map((record) => fromPayaPaylink(record as unknown as ProviderRecord, logger));
}

function quickInvoices(
  client: PayaClient,
  filters: object,
  options: Parameters<PayaClient['quickInvoices']['list']>[1],
  logger?: Parameters<typeof fromPayaQuickInvoice>[1],
) {
  return client.quickInvoices
    .list(filters as PayaQuickInvoiceFilters, options)
    .map((record) => fromPayaQuickInvoice(record as unknown as ProviderRecord, logger));
}

/**
 * Paya's payment requests: paylinks and quick invoices. `retrieve` with `kind` reads that
 * record; without it, the paylink first and, when Paya answers 404, the quick invoice with that
 * id (one extra request for a quick invoice). `list` follows {@link PayaPaymentRequestFilters}.
 *
 * @example
 * ```ts
 * const adapter = payaPaymentRequestAdapter();
 * const request = await adapter.retrieve(paya, invoiceId, undefined, undefined, { kind: 'quick_invoice' });
 * ```
 */
export function payaPaymentRequestAdapter(): UnifiedAdapter<'paya', PaymentRequest> {
  return {
    async retrieve(client, id, options, logger, fields): Promise<Result<PaymentRequest, PaymentsError>> {
      const kind = fields?.kind;
      if (kind !== undefined && !kinds.includes(kind as string))
        return Err(badKind('payweave.paymentRequests.retrieve', kind));
      if (kind !== 'quick_invoice') {
        // `payment_url` is only returned on request, and it is the one thing a payer needs.
        const paylink = await client.paylinks.retrieve(id, { expand: ['payment_url'] }, options);
        if (kind === 'paylink' || paylink.isOk() || paylink.error.code !== 'not_found')
          return paylink.map((record) => fromPayaPaylink(record as unknown as ProviderRecord, logger));
      }
      const invoice = await client.quickInvoices.retrieve(id, {}, options);
      return invoice.map((record) => fromPayaQuickInvoice(record as unknown as ProviderRecord, logger));
    },
    list(client, filters, options, logger): PageIterator<PaymentRequest> {
      const { kind, ...native } = filters as { kind?: unknown } & Record<string, unknown>;
      if (kind !== undefined && !kinds.includes(kind as string))
        return failingIterator(badKind('payweave.paymentRequests.list', kind));
      if (kind === 'quick_invoice') return quickInvoices(client, native, options, logger);
      if (kind === 'paylink' || Object.keys(native).length > 0)
        return paylinks(client, native, options, logger);
      return chainPages(
        [
          { provider: 'paya', open: () => paylinks(client, {}, options, logger) },
          { provider: 'paya', open: () => quickInvoices(client, {}, options, logger) },
        ],
        'payweave.paymentRequests.list',
      );
    },
  };
}
