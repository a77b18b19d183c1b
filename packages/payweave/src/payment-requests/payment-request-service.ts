import type { CallOptions, Logger, PageIterator, PaymentsError, Result } from '@payweave/core';
import type { ConfiguredName, ProviderClients, ProvidersInput } from '../providers/provider-map.js';
import { createUnifiedService, type UnifiedAdapter, unifiedAdapter } from '../unified-service.js';
import { fromConnectFiPaymentLink } from './from-connectfi-payment-link.js';
import { fromLeadConnectorOrder } from './from-leadconnector-order.js';
import { fromPayConnectInvoice } from './from-payconnect-invoice.js';
import { type PayaPaymentRequestFilters, payaPaymentRequestAdapter } from './paya-payment-requests.js';
import type { PaymentRequest, PaymentRequestKind, PaymentRequestProvider } from './payment-request.js';

/** The native list filters each provider accepts for payment requests. */
export interface PaymentRequestFilters {
  /** Paya paylink filters, or quick invoice filters with `kind: 'quick_invoice'`. */
  paya: PayaPaymentRequestFilters;
  /** PayConnect invoice search filters. */
  payconnect: NonNullable<Parameters<ProviderClients['payconnect']['invoices']['search']>[0]>;
  /** connectFi payment-link filters. */
  connectfi: NonNullable<Parameters<ProviderClients['connectfi']['paymentLinks']['list']>[0]>;
  /** LeadConnector order filters. */
  leadconnector: NonNullable<Parameters<ProviderClients['leadconnector']['orders']['list']>[0]>;
}

/** A provider that is configured and has payment requests. */
export type PaymentRequestProviderOf<P extends ProvidersInput> = ConfiguredName<P> & PaymentRequestProvider;

/**
 * The argument of `paymentRequests.list`: the provider plus its native filters (for Paya, with
 * `kind` naming paylinks or quick invoices: see {@link PayaPaymentRequestFilters}).
 */
export type PaymentRequestListRequest<Name extends PaymentRequestProvider> = {
  provider: Name;
} & (Name extends 'paya' ? PayaPaymentRequestFilters : Partial<PaymentRequestFilters[Name]>);

/**
 * Unified payment requests across providers.
 *
 * @example
 * ```ts
 * const request = await pw.paymentRequests.retrieve({ provider: 'paya', id: paylinkId });
 * const invoice = await pw.paymentRequests.retrieve({ provider: 'paya', id: quickInvoiceId, kind: 'quick_invoice' });
 * for await (const order of pw.paymentRequests.list({ provider: 'leadconnector', paymentStatus: 'unpaid' })) {
 *   console.log(order.status.unified, order.amount);
 * }
 * ```
 */
export interface PaymentRequests<P extends ProvidersInput> {
  /**
   * One payment request by its provider id. `kind` matters for Paya only, whose paylinks and
   * quick invoices have ids that look alike: `'paylink'` or `'quick_invoice'` reads that record;
   * without it the paylink is read first and, on a 404, the quick invoice. The other providers
   * have one kind each and do not read it.
   */
  retrieve(
    request: { provider: PaymentRequestProviderOf<P>; id: string; kind?: PaymentRequestKind },
    options?: CallOptions,
  ): Promise<Result<PaymentRequest, PaymentsError>>;
  /** Every payment request of a provider matching its native filters. */
  list<Name extends PaymentRequestProviderOf<P>>(
    request: PaymentRequestListRequest<Name>,
    options?: CallOptions,
  ): PageIterator<PaymentRequest>;
  /**
   * Every payment request of every configured provider that serves this view (or of each provider
   * named in `providers`, in that order), one provider after the other, as one walk with no
   * filters. A provider's failure ends the walk with its error.
   */
  list(
    request?: { providers?: readonly PaymentRequestProviderOf<P>[] },
    options?: CallOptions,
  ): PageIterator<PaymentRequest>;
}

/**
 * Each provider's adapter, built on call (inside `createPayweave`): top-level calls would stay
 * in every bundle that imports anything from `payweave`.
 */
function paymentRequestAdapters(): {
  [Name in PaymentRequestProvider]: UnifiedAdapter<Name, PaymentRequest>;
} {
  return {
    paya: payaPaymentRequestAdapter(),
    payconnect: unifiedAdapter<'payconnect', PaymentRequest>(
      {
        retrieve: (client, id, options) => client.invoices.retrieve(id, {}, options),
        list: (client, filters, options) => client.invoices.search(filters, options),
      },
      fromPayConnectInvoice,
    ),
    connectfi: unifiedAdapter<'connectfi', PaymentRequest>(
      {
        retrieve: (client, id, options) => client.paymentLinks.retrieve(id, {}, options),
        list: (client, filters, options) => client.paymentLinks.list(filters, options),
      },
      fromConnectFiPaymentLink,
    ),
    leadconnector: unifiedAdapter<'leadconnector', PaymentRequest>(
      {
        retrieve: (client, id, options) => client.orders.retrieve(id, {}, options),
        list: (client, filters, options) => client.orders.list(filters, options),
      },
      fromLeadConnectorOrder,
    ),
  };
}

/** Builds the unified paymentRequests service over the configured clients. */
export function createPaymentRequests<P extends ProvidersInput>(
  clients: Partial<ProviderClients>,
  logger: Logger | undefined,
): PaymentRequests<P> {
  return createUnifiedService<PaymentRequest>(
    'paymentRequests',
    paymentRequestAdapters(),
    clients,
    logger,
  ) as PaymentRequests<P>;
}
