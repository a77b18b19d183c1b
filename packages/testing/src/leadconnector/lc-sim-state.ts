/** One priced line of a simulated order. */
export interface LcSimOrderItem {
  _id: string;
  name: string;
  qty: number;
  price: { _id: string; name: string; type: 'one_time' | 'recurring'; currency: string; amount: number };
  product: {
    _id: string;
    name: string;
    productType: string;
    locationId: string;
    createdAt: string;
    updatedAt: string;
  };
}

/** A simulated order (wire field names, plus `amountPaid` kept by the simulator). */
export interface LcSimOrder {
  _id: string;
  altId: string;
  contactId: string;
  contactName: string;
  contactEmail: string;
  currency: string;
  amount: number;
  amountPaid: number;
  status: string;
  paymentStatus: 'paid' | 'unpaid' | 'refunded' | 'partially_paid';
  liveMode: boolean;
  sourceType: string;
  sourceSubType: string;
  sourceName: string;
  sourceId: string;
  funnelProductIds: readonly string[];
  fulfillmentStatus: string;
  items: readonly LcSimOrderItem[];
  createdAt: string;
  updatedAt: string;
}

/** A simulated fulfillment. */
export interface LcSimFulfillment {
  _id: string;
  altId: string;
  altType: 'location';
  trackings: { trackingNumber?: string; shippingCarrier?: string; trackingUrl?: string }[];
  items: {
    _id: string;
    name: string;
    qty: number;
    price: LcSimOrderItem['price'];
    product: LcSimOrderItem['product'];
  }[];
  notifyCustomer: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A simulated order note. */
export interface LcSimNote {
  _id: string;
  orderId: string;
  text: string;
  type: string;
  createdAt: string;
}

/** A simulated transaction or subscription (wire shape). */
export interface LcSimPaymentRecord {
  _id: string;
  altId: string;
  altType: 'location';
  contactId: string;
  contactName: string;
  contactEmail: string;
  currency: string;
  amount: number;
  status: string;
  liveMode: boolean;
  entityType: string;
  entityId: string;
  entitySourceType: string;
  entitySourceSubType?: string;
  entitySourceName: string;
  entitySourceId?: string;
  subscriptionId?: string;
  chargeId?: string;
  paymentProviderType: string;
  amountRefunded?: number;
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** A simulated coupon (stored as the API returns it). */
export interface LcSimCoupon {
  _id: string;
  altId: string;
  altType: 'location';
  name: string;
  code: string;
  discountType: 'percentage' | 'amount';
  discountValue: number;
  startDate: string;
  endDate?: string;
  usageCount: number;
  usageLimit?: number;
  limitPerCustomer: number;
  productIds: string[];
  applyToFuturePayments: boolean;
  applyToFuturePaymentsConfig: { type: string; duration: number; durationType: string };
  userId?: string;
  createdAt: string;
  updatedAt: string;
}

/** The custom provider integration of one location. */
export interface LcSimCustomProvider {
  _id: string;
  name: string;
  description: string;
  paymentsUrl: string;
  queryUrl: string;
  imageUrl: string;
  supportsSubscriptionSchedule: boolean;
  locationId: string;
  marketplaceAppId: string;
  keys: {
    live?: { apiKey: string; publishableKey: string };
    test?: { apiKey: string; publishableKey: string };
  };
  createdAt: string;
  updatedAt: string;
}

/** A white-label integration provider. */
export interface LcSimWhiteLabelProvider {
  _id: string;
  altId: string;
  altType: 'location';
  uniqueName: string;
  title: string;
  route: string;
  provider: string;
  description: string;
  imageUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** An access token the simulator knows. */
export interface LcSimAccessToken {
  /** `private` (integration token), `app` (marketplace OAuth) or `agency` (Company token). */
  kind: 'private' | 'app' | 'agency';
  locationId?: string;
  companyId: string;
  /** Epoch ms; 0 for never. */
  expiresAt: number;
}

/** The whole simulated account. */
export interface LeadConnectorSimState {
  /** Location ids that exist. */
  locations: Set<string>;
  /** Orders per location, oldest first (listing returns newest first). */
  orders: Map<string, LcSimOrder[]>;
  /** Orders by id. */
  orderById: Map<string, LcSimOrder>;
  /** Fulfillments per order id. */
  fulfillments: Map<string, LcSimFulfillment[]>;
  /** Notes per order id. */
  notes: Map<string, LcSimNote[]>;
  /** Transactions, oldest first. */
  transactions: LcSimPaymentRecord[];
  /** Subscriptions, oldest first. */
  subscriptions: LcSimPaymentRecord[];
  /** Coupons. */
  coupons: LcSimCoupon[];
  /** Custom provider integration per location. */
  customProviders: Map<string, LcSimCustomProvider>;
  /** Capabilities set with `PUT /payments/custom-provider/capabilities`, per location or company. */
  capabilities: Map<string, { supportsSubscriptionSchedules: boolean }>;
  /** White-label providers. */
  whiteLabelProviders: LcSimWhiteLabelProvider[];
  /** Live access tokens. */
  accessTokens: Map<string, LcSimAccessToken>;
  /** Unspent refresh tokens (each works once). */
  refreshTokens: Map<string, { locationId: string; companyId: string }>;
  /** Unspent authorization codes. */
  authorizationCodes: Map<string, { locationId: string; companyId: string }>;
  /** Accepted request times per location, inside the current window. */
  window: Map<string, number[]>;
  /** Accepted requests per location today. */
  daily: Map<string, number>;
  /** Counters for assertions. */
  stats: {
    requests: number;
    rateLimited: number;
    peakInWindow: number;
    tokenGrants: number;
    refreshes: number;
  };
}
