import type { PageIterator, Result } from '@payweave/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createPayweave } from './create-payweave.js';
import type { PaymentRequest } from './payment-requests/payment-request.js';
import type { Transaction } from './transactions/transaction.js';

const onlyPayConnect = createPayweave({ providers: { payconnect: { apiKey: 'k' } } });
const payaAndLeadConnector = createPayweave({
  providers: {
    paya: { userId: 'u', userApiKey: 'k', developerId: 'd' },
    leadconnector: { accessToken: 't', locationId: 'l' },
  },
});

describe('createPayweave types', () => {
  it('only configured providers exist on the type', () => {
    expectTypeOf(onlyPayConnect.providers).toHaveProperty('payconnect');
    // @ts-expect-error Paya is not configured.
    onlyPayConnect.providers.paya;
    // @ts-expect-error LeadConnector is not configured.
    onlyPayConnect.providers.leadconnector;
    expectTypeOf(payaAndLeadConnector.providers).toHaveProperty('paya');
  });

  it('a unified call a provider cannot serve is a compile-time error', () => {
    // @ts-expect-error PayConnect has no transactions.
    onlyPayConnect.transactions.retrieve({ provider: 'payconnect', id: 'x' });
    // @ts-expect-error Paya is not configured here.
    onlyPayConnect.paymentRequests.retrieve({ provider: 'paya', id: 'x' });
    expectTypeOf(onlyPayConnect.paymentRequests.retrieve({ provider: 'payconnect', id: 'x' })).toEqualTypeOf<
      Promise<Result<PaymentRequest, import('@payweave/core').PaymentsError>>
    >();
    expectTypeOf(payaAndLeadConnector.transactions.list({ provider: 'leadconnector' })).toEqualTypeOf<
      PageIterator<Transaction>
    >();
  });

  it('list filters are the provider’s native ones', () => {
    payaAndLeadConnector.paymentRequests.list({ provider: 'leadconnector', paymentStatus: 'unpaid' });
    // @ts-expect-error `paymentStatus` only allows the spec's values.
    payaAndLeadConnector.paymentRequests.list({ provider: 'leadconnector', paymentStatus: 'sort-of-paid' });
  });

  it('a list across providers names only configured providers that serve the view', () => {
    expectTypeOf(payaAndLeadConnector.transactions.list()).toEqualTypeOf<PageIterator<Transaction>>();
    payaAndLeadConnector.transactions.list({ providers: ['leadconnector', 'paya'] }, { maxPages: 5 });
    // @ts-expect-error PayConnect has no transactions.
    payaAndLeadConnector.transactions.list({ providers: ['payconnect'] });
    // @ts-expect-error PayConnect is not configured here.
    payaAndLeadConnector.paymentRequests.list({ providers: ['payconnect'] });
    // @ts-expect-error native filters need a provider.
    payaAndLeadConnector.paymentRequests.list({ paymentStatus: 'unpaid' });
  });

  it('execute is typed by operation id among configured providers', () => {
    payaAndLeadConnector.execute('paya.transactions.retrieve', { id: 'abc' });
    // @ts-expect-error PayConnect is not configured here.
    payaAndLeadConnector.execute('payconnect.invoices.retrieve', { invoiceId: 'x' });
    // @ts-expect-error the input must match the operation.
    payaAndLeadConnector.execute('paya.transactions.retrieve', { nope: 1 });
    expectTypeOf(payaAndLeadConnector.execute('leadconnector.orders.list', {})).toMatchTypeOf<
      PageIterator<unknown>
    >();
  });
});
