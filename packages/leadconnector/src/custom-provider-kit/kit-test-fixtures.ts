// Test-only fixtures for the custom provider kit's tests (not exported from the package).
import { type Money, money } from '@payweave/core';
import type { CustomProviderHandlerOptions } from './create-handler.js';
import type { ChargeOutcome, CustomProviderPaymentMethod } from './query-types.js';

/** Api keys the tests connect: one location, both modes. */
export const testKeys = {
  live: 'sk_live_3f9a1c7e5b2d4086a1c3e5f7',
  test: 'sk_test_8b6d4f2a0c1e3a5b7d9f1b3d',
  locationId: 've9EPM428h8vShlRW1KT',
} as const;

/** A charge the fake gateway made. */
export interface FakeCharge {
  readonly id: string;
  readonly amount: Money;
  readonly paymentMethodId: string;
  readonly transactionId: string;
  readonly status: 'succeeded' | 'failed';
}

/** An in-memory gateway behind the handler, counting calls. */
export function fakeGateway() {
  const charges = new Map<string, FakeCharge>();
  const calls = { verify: 0, list: 0, charge: 0, create: 0, cancel: 0, refund: 0 };
  let next = 0;
  const methods: CustomProviderPaymentMethod[] = [
    {
      id: 'pm_card_1',
      type: 'card',
      title: 'Visa ending in 4242 (personal)',
      subTitle: '•••• 4242',
      expiry: '04/28',
      customerId: 'cus_1',
    },
    { id: 'pm_bank_1', type: 'us_bank_account', title: 'Checking', subTitle: '•••• 6789' },
  ];
  return {
    charges,
    calls,
    /** Handlers over this gateway; `pm_declined` is declined; `delayMs` slows charges. */
    handlers(delayMs = 0): Omit<CustomProviderHandlerOptions, 'apiKeys'> {
      return {
        verify: async (query) => {
          calls.verify += 1;
          const charge = query.chargeId === undefined ? undefined : charges.get(query.chargeId);
          if (!charge) return { status: 'pending', message: 'Charge not found yet' };
          if (charge.status === 'failed') return { status: 'failed', message: 'Card declined' };
          return {
            status: 'succeeded',
            charge: {
              chargeId: charge.id,
              status: 'succeeded',
              amount: charge.amount,
              chargedAt: 1724217600,
            },
          };
        },
        listPaymentMethods: async () => {
          calls.list += 1;
          return methods;
        },
        chargePayment: async (query): Promise<ChargeOutcome> => {
          calls.charge += 1;
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          next += 1;
          const id = `ch_${String(next).padStart(4, '0')}`;
          const status = query.paymentMethodId === 'pm_declined' ? 'failed' : 'succeeded';
          charges.set(id, {
            id,
            amount: query.amount,
            paymentMethodId: query.paymentMethodId,
            transactionId: query.transactionId,
            status,
          });
          return status === 'failed'
            ? { status: 'failed', chargeId: id, message: 'Card declined', chargedAt: 1724217600 }
            : { status: 'succeeded', chargeId: id, chargedAt: 1724217600 };
        },
        createSubscription: async (query) => {
          calls.create += 1;
          return {
            status: 'succeeded',
            charge: {
              chargeId: `ch_sub_${query.subscriptionId}`,
              status: 'succeeded',
              amount: query.amount,
              chargedAt: 1724217600,
            },
            subscription: {
              id: `sub_${query.subscriptionId}`,
              status: 'active',
              createdAt: 1724217600,
              nextCharge: 1726896000,
            },
          };
        },
        cancelSubscription: async () => {
          calls.cancel += 1;
        },
        refund: async (query) => {
          calls.refund += 1;
          const charge = charges.get(query.chargeId);
          if (!charge) return { status: 'failed', message: 'No such charge' };
          return {
            status: 'succeeded',
            id: `re_${charge.id}`,
            amount: query.amountIn(charge.amount.currency),
          };
        },
      };
    },
  };
}

/** The apiKeys setting for {@link testKeys}. */
export const testApiKeys = {
  [testKeys.live]: { locationId: testKeys.locationId, mode: 'live' },
  [testKeys.test]: { locationId: testKeys.locationId, mode: 'test' },
} as const;

/** A JSON POST to the handler. */
export function queryRequest(body: unknown, init: { contentType?: string; method?: string } = {}): Request {
  const method = init.method ?? 'POST';
  return new Request('http://provider.test/highlevel/query', {
    method,
    headers: { 'content-type': init.contentType ?? 'application/json' },
    ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** USD money. */
export const usd = (amountMinor: number) => money(amountMinor, 'USD');
