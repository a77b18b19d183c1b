import type {
  LcSimOrder,
  LcSimOrderItem,
  LcSimPaymentRecord,
  LeadConnectorSimState,
} from './lc-sim-state.js';

/** Ids and credentials the LeadConnector simulator starts with. */
export const leadConnectorSimDefaults = {
  /** The seeded location (sub-account). */
  locationId: 've9EPM428h8vShlRW1KT',
  /** A second location, for cross-location checks. */
  otherLocationId: 'Zq1xT5lmWcB0n0Hk2aLr',
  /** The agency (company) of both locations. */
  companyId: 'Ge4kFt0cIuMqkCxl9zXT',
  /** A private integration token of the seeded location (never expires). */
  accessToken: 'pit-sim-5f7d0c1e-location-token',
  /** A marketplace-app location token (white-label calls need one). */
  appAccessToken: 'app-sim-8a61b2c4-location-token',
  /** An agency (Company) token, for `/oauth/locationToken`. */
  agencyAccessToken: 'agency-sim-3c9e7d20-company-token',
  /** OAuth client id of the simulated marketplace app. */
  clientId: '6578278e879ad2646715ba9c-lxyz12ab',
  /** OAuth client secret of the simulated marketplace app. */
  clientSecret: 'sim-client-secret-4f3e2d1c0b9a',
  /** An unspent refresh token for the seeded location. */
  refreshToken: 'sim-refresh-token-initial-0001',
  /** The marketplace app id. */
  marketplaceAppId: '6578278e879ad2646715ba9c',
  /** Seeded order ids (newest last). */
  orderIds: ['653f5e0cde5a1314e62a8301', '653f5e0cde5a1314e62a8302', '653f5e0cde5a1314e62a8303'],
  /** Price id on every seeded order. */
  priceId: '6578278e879ad2646715c001',
  /** Seeded subscription id. */
  subscriptionId: '6322e9c9e39fc14ab3ed7042',
  /** Seeded transaction id. */
  transactionId: '61dd0feac077f72010f78804',
} as const;

const seedTime = '2024-02-05T10:00:00.000Z';

/** A priced order line; `index` 1 uses the seeded price id. */
export function makeOrderItem(
  locationId: string,
  name: string,
  amount: number,
  qty: number,
  index: number,
): LcSimOrderItem {
  const suffix = String(index).padStart(3, '0');
  return {
    _id: `6578278e879ad2646715d${suffix}`,
    name,
    qty,
    price: {
      _id: index === 1 ? leadConnectorSimDefaults.priceId : `6578278e879ad2646715c${suffix}`,
      name,
      type: 'one_time',
      currency: 'USD',
      amount,
    },
    product: {
      _id: `6578278e879ad2646715e${suffix}`,
      name,
      productType: 'PHYSICAL',
      locationId,
      createdAt: seedTime,
      updatedAt: seedTime,
    },
  };
}

/** Builds an order record with sensible defaults. */
export function makeOrder(fields: Partial<LcSimOrder> & Pick<LcSimOrder, '_id' | 'altId'>): LcSimOrder {
  return {
    contactId: 'XPLSw2SVagl12LMDeTmQ',
    contactName: 'Ada Lovelace',
    contactEmail: 'ada@example.com',
    currency: 'USD',
    amount: 100,
    amountPaid: 0,
    status: 'pending',
    paymentStatus: 'unpaid',
    liveMode: true,
    sourceType: 'funnel',
    sourceSubType: 'two_step_order_form',
    sourceName: 'Spring funnel',
    sourceId: '61dd0c7dc077f712a5f787ff',
    funnelProductIds: ['61d6afc9d39ac5e35965c017'],
    fulfillmentStatus: 'unfulfilled',
    items: [],
    createdAt: seedTime,
    updatedAt: seedTime,
    ...fields,
  };
}

function record(
  fields: Partial<LcSimPaymentRecord> & Pick<LcSimPaymentRecord, '_id' | 'altId'>,
): LcSimPaymentRecord {
  return {
    altType: 'location',
    contactId: 'XPLSw2SVagl12LMDeTmQ',
    contactName: 'Ada Lovelace',
    contactEmail: 'ada@example.com',
    currency: 'USD',
    amount: 100,
    status: 'succeeded',
    liveMode: true,
    entityType: 'order',
    entityId: leadConnectorSimDefaults.orderIds[0],
    entitySourceType: 'funnel',
    entitySourceName: 'Spring funnel',
    paymentProviderType: 'stripe',
    createdAt: seedTime,
    updatedAt: seedTime,
    ...fields,
  };
}

/** A fresh simulator state with the seeded location, orders, transactions and subscriptions. */
export function initialLeadConnectorState(tokenLifetimeMs: number): LeadConnectorSimState {
  const d = leadConnectorSimDefaults;
  const loc = d.locationId;
  const orders: LcSimOrder[] = [
    makeOrder({
      _id: d.orderIds[0],
      altId: loc,
      amount: 100,
      amountPaid: 100,
      status: 'completed',
      paymentStatus: 'paid',
      items: [makeOrderItem(loc, 'Blue mug', 50, 2, 1)],
      createdAt: '2024-02-01T09:00:00.000Z',
      updatedAt: '2024-02-01T09:00:00.000Z',
    }),
    makeOrder({
      _id: d.orderIds[1],
      altId: loc,
      amount: 120,
      contactId: 'AmuzcoPBpgKeccNsFlib',
      contactName: 'Grace Hopper',
      contactEmail: 'grace@example.com',
      items: [makeOrderItem(loc, 'Blue mug', 50, 2, 1), makeOrderItem(loc, 'Coaster', 20, 1, 2)],
      createdAt: '2024-02-03T09:00:00.000Z',
      updatedAt: '2024-02-03T09:00:00.000Z',
    }),
    makeOrder({
      _id: d.orderIds[2],
      altId: loc,
      amount: 300,
      liveMode: false,
      sourceType: 'invoice',
      sourceName: 'Invoice #12',
      items: [makeOrderItem(loc, 'Consulting hour', 150, 2, 3)],
      createdAt: '2024-02-10T09:00:00.000Z',
      updatedAt: '2024-02-10T09:00:00.000Z',
    }),
  ];
  const transactions = [
    record({
      _id: d.transactionId,
      altId: loc,
      amount: 100,
      chargeId: 'ch_3OgxT2',
      createdAt: '2024-02-01T09:00:05.000Z',
    }),
    record({
      _id: '61dd0feac077f72010f78805',
      altId: loc,
      amount: 49,
      entityType: 'subscription',
      entityId: d.subscriptionId,
      subscriptionId: 'sub_1KGcXDCScnf89tZoVkoEMCEL',
      entitySourceType: 'membership',
      entitySourceName: 'Gold plan',
      createdAt: '2024-02-04T09:00:00.000Z',
    }),
    record({
      _id: '61dd0feac077f72010f78806',
      altId: loc,
      amount: 20,
      status: 'failed',
      liveMode: false,
      createdAt: '2024-02-12T09:00:00.000Z',
    }),
  ];
  const subscriptions = [
    record({
      _id: d.subscriptionId,
      altId: loc,
      amount: 49,
      status: 'active',
      entityType: 'product',
      entityId: '61dd0fe9c077f73e67f78803',
      entitySourceType: 'membership',
      entitySourceName: 'Gold plan',
      subscriptionId: 'sub_1KGcXDCScnf89tZoVkoEMCEL',
      createdAt: '2024-01-04T09:00:00.000Z',
    }),
    record({
      _id: '6322e9c9e39fc14ab3ed7043',
      altId: loc,
      amount: 19,
      status: 'canceled',
      contactId: 'AmuzcoPBpgKeccNsFlib',
      contactName: 'Grace Hopper',
      contactEmail: 'grace@example.com',
      entityType: 'product',
      entityId: '61dd0fe9c077f73e67f78809',
      entitySourceType: 'funnel',
      entitySourceName: 'Silver plan',
      subscriptionId: 'sub_1KGcXDCScnf89tZoVkoEMCEM',
      createdAt: '2024-01-20T09:00:00.000Z',
    }),
  ];
  return {
    locations: new Set([loc, d.otherLocationId]),
    orders: new Map([[loc, orders]]),
    orderById: new Map(orders.map((order) => [order._id, order])),
    fulfillments: new Map(),
    notes: new Map(),
    transactions,
    subscriptions,
    coupons: [],
    customProviders: new Map(),
    capabilities: new Map(),
    whiteLabelProviders: [],
    accessTokens: new Map([
      [d.accessToken, { kind: 'private', locationId: loc, companyId: d.companyId, expiresAt: 0 }],
      [
        d.appAccessToken,
        { kind: 'app', locationId: loc, companyId: d.companyId, expiresAt: Date.now() + tokenLifetimeMs },
      ],
      [d.agencyAccessToken, { kind: 'agency', companyId: d.companyId, expiresAt: 0 }],
    ]),
    refreshTokens: new Map([[d.refreshToken, { locationId: loc, companyId: d.companyId }]]),
    authorizationCodes: new Map(),
    window: new Map(),
    daily: new Map(),
    stats: { requests: 0, rateLimited: 0, peakInWindow: 0, tokenGrants: 0, refreshes: 0 },
  };
}

const bulkItems = (locationId: string): readonly LcSimOrderItem[] => [
  makeOrderItem(locationId, 'Bulk item', 10, 1, 1),
];

/**
 * Adds `count` orders to a location cheaply (shared line items, sequential ids and
 * dates), for benchmarks that walk 100,000 records.
 */
export function seedBulkOrders(state: LeadConnectorSimState, count: number, locationId: string): number {
  let list = state.orders.get(locationId);
  if (!list) {
    list = [];
    state.orders.set(locationId, list);
  }
  const items = bulkItems(locationId);
  const start = list.length;
  const base = Date.parse('2023-01-01T00:00:00.000Z');
  const statuses = ['paid', 'unpaid', 'partially_paid'] as const;
  for (let index = 0; index < count; index += 1) {
    const serial = start + index;
    const createdAt = new Date(base + serial * 60_000).toISOString();
    const paymentStatus = statuses[serial % 3] as (typeof statuses)[number];
    const order = makeOrder({
      _id: `b${serial.toString(16).padStart(23, '0')}`,
      altId: locationId,
      amount: 10 + (serial % 90),
      amountPaid: paymentStatus === 'paid' ? 10 + (serial % 90) : paymentStatus === 'partially_paid' ? 5 : 0,
      paymentStatus,
      status: paymentStatus === 'paid' ? 'completed' : 'pending',
      contactName: `Bulk contact ${serial}`,
      items,
      createdAt,
      updatedAt: createdAt,
    });
    list.push(order);
    state.orderById.set(order._id, order);
  }
  return list.length;
}
