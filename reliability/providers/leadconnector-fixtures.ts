import { leadConnectorSimDefaults } from '@payweave/testing';
import { createRecord, uniqueRef } from '../support/create-record.js';
import type { FixtureSet, ProviderEnv } from '../support/provider-harness.js';
import type { LeadConnectorEnv } from './leadconnector-harness.js';
import { sensitive } from './test-data.js';

const d = leadConnectorSimDefaults;
let letters = 0;

/** A white-label `uniqueName`: lower-case letters only, unique in this process. */
function uniqueLetters(): string {
  letters += 1;
  return `acme-${letters.toString(26).replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)] ?? 'q')}`;
}

/** An unpaid copy of the second seeded order (its item carries the seeded price), so each case pays or fulfils its own. */
function freshOrder(env: ProviderEnv): string {
  const state = (env as LeadConnectorEnv).leadconnector.state;
  const template = state.orderById.get(d.orderIds[1])!;
  const order = {
    ...structuredClone(template),
    _id: uniqueRef('653f5e0c').padEnd(24, '0').slice(0, 24),
    paymentStatus: 'unpaid' as const,
    amountPaid: 0,
  };
  state.orderById.set(order._id, order);
  state.orders.get(d.locationId)?.push(order);
  return order._id;
}

function couponInput(): Record<string, unknown> {
  return {
    name: 'Reliability coupon',
    code: uniqueRef('RELY').toUpperCase(),
    discountType: 'percentage',
    discountValue: 10,
    startDate: '2025-01-01T00:00:00Z',
  };
}

async function newCoupon(env: ProviderEnv): Promise<Record<string, unknown> & { _id: string }> {
  const input = couponInput();
  const coupon = await createRecord<{ _id: string }>(env.client, 'leadconnector.coupons.create', input);
  return { ...input, _id: coupon._id };
}

const provider = {
  name: 'Acme Pay',
  description: 'Card payments by Acme',
  paymentsUrl: 'https://pay.acme.example/checkout',
  queryUrl: 'https://pay.acme.example/query',
  imageUrl: 'https://pay.acme.example/logo.png',
  supportsSubscriptionSchedule: true,
};

const keys = {
  live: { apiKey: sensitive.liveApiKey, publishableKey: 'pk_live_reliability' },
  test: { apiKey: sensitive.testApiKey, publishableKey: 'pk_test_reliability' },
};

/** The location's custom provider, created (and connected) when missing. */
async function ensureProvider(env: ProviderEnv, connected = false): Promise<void> {
  const state = (env as LeadConnectorEnv).leadconnector.state;
  if (!state.customProviders.has(d.locationId))
    await createRecord(env.client, 'leadconnector.customProviders.create', provider);
  if (connected) await createRecord(env.client, 'leadconnector.customProviders.connect', keys);
}

/** One valid input per LeadConnector operation. */

/** Every authorization code a fixture used: spent codes leave the simulator, the secrets scan still needs them. */
export const issuedAuthorizationCodes = new Set<string>();

export const leadConnectorFixtures: FixtureSet = {
  'leadconnector.orders.list': { input: () => ({ limit: 5, paymentStatus: 'unpaid' }) },
  'leadconnector.orders.retrieve': { input: () => ({ orderId: d.orderIds[0] }) },
  'leadconnector.orders.recordPayment': {
    input: (env) => ({ orderId: freshOrder(env), mode: 'cash', notes: 'Paid at the counter' }),
  },
  'leadconnector.orders.createFulfillment': {
    input: (env) => ({
      orderId: freshOrder(env),
      trackings: [
        { trackingNumber: '1Z999', shippingCarrier: 'UPS', trackingUrl: 'https://ups.example/1Z999' },
      ],
      items: [{ priceId: d.priceId, qty: 1 }],
      notifyCustomer: false,
    }),
  },
  'leadconnector.orders.listFulfillments': { input: () => ({ orderId: d.orderIds[1] }) },
  'leadconnector.orders.listNotes': { input: () => ({ orderId: d.orderIds[0] }) },
  'leadconnector.transactions.list': { input: () => ({ limit: 5 }) },
  'leadconnector.transactions.retrieve': { input: () => ({ transactionId: d.transactionId }) },
  'leadconnector.subscriptions.list': { input: () => ({ limit: 5 }) },
  'leadconnector.subscriptions.retrieve': { input: () => ({ subscriptionId: d.subscriptionId }) },
  'leadconnector.coupons.list': { input: () => ({ limit: 5, status: 'active' }) },
  'leadconnector.coupons.create': { input: couponInput },
  'leadconnector.coupons.update': {
    input: async (env) => {
      const { _id, ...coupon } = await newCoupon(env);
      return { ...coupon, id: _id, discountValue: 15 };
    },
  },
  'leadconnector.coupons.delete': { input: async (env) => ({ id: (await newCoupon(env))._id }) },
  'leadconnector.coupons.retrieve': { input: async (env) => ({ id: (await newCoupon(env))._id }) },
  'leadconnector.customProviders.create': {
    input: (env) => {
      // A location has one custom provider: remove it so the create is a real create.
      (env as LeadConnectorEnv).leadconnector.state.customProviders.delete(d.locationId);
      return provider;
    },
  },
  'leadconnector.customProviders.delete': {
    input: async (env) => {
      await ensureProvider(env);
      return {};
    },
  },
  'leadconnector.customProviders.getConfig': {
    input: async (env) => {
      await ensureProvider(env, true);
      return {};
    },
  },
  'leadconnector.customProviders.connect': {
    input: async (env) => {
      await ensureProvider(env);
      return keys;
    },
  },
  'leadconnector.customProviders.disconnect': {
    input: async (env) => {
      await ensureProvider(env, true);
      return { liveMode: true };
    },
  },
  'leadconnector.customProviders.updateCapabilities': {
    input: () => ({ supportsSubscriptionSchedules: true }),
  },
  'leadconnector.whiteLabelProviders.create': {
    input: () => ({
      uniqueName: uniqueLetters(),
      title: 'Acme on NMI',
      provider: 'nmi',
      description: 'Card payments through NMI',
      imageUrl: 'https://acme.example/logo.png',
    }),
  },
  'leadconnector.whiteLabelProviders.list': { input: () => ({ limit: 5 }) },
  'leadconnector.oauth.exchangeCode': {
    input: (env) => {
      const code = (env as LeadConnectorEnv).leadconnector.issueAuthorizationCode();
      issuedAuthorizationCodes.add(code);
      return { client_id: d.clientId, client_secret: d.clientSecret, code, user_type: 'Location' };
    },
  },
  'leadconnector.oauth.refresh': {
    input: (env) => ({
      client_id: d.clientId,
      client_secret: d.clientSecret,
      refresh_token: (env as LeadConnectorEnv).leadconnector.addRefreshToken(),
    }),
  },
  'leadconnector.oauth.locationToken': {
    client: 'agency',
    input: () => ({ companyId: d.companyId, locationId: d.locationId }),
  },
};
