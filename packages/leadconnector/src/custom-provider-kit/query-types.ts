import type { Money } from '@payweave/core';
import type { UnixTime } from './wire-values.js';

/** `live` or `test`: which of the keys given to `customProviders.connect` HighLevel used. */
export type CustomProviderMode = 'live' | 'test';

/**
 * Who a `queryUrl` call is for, found from its `apiKey` (HighLevel sends no location or mode
 * flag of its own on most calls): the location the key was connected for and its mode.
 *
 * @example
 * ```ts
 * const account: CustomProviderAccount = { locationId: 've9EPM428h8vShlRW1KT', mode: 'test' };
 * ```
 */
export interface CustomProviderAccount {
  /** The HighLevel location (sub-account) id. */
  readonly locationId: string;
  /** Which key pair of the location was used. */
  readonly mode: CustomProviderMode;
}

/**
 * A stored key, as an async lookup returns it: the kit compares `apiKey` with the one received,
 * in constant time, so a lookup that matched loosely (a case-insensitive index) cannot let a
 * near miss through.
 *
 * @example
 * ```ts
 * const record: CustomProviderKeyRecord = { apiKey: row.apiKey, locationId: row.locationId, mode: 'live' };
 * ```
 */
export interface CustomProviderKeyRecord extends CustomProviderAccount {
  /** The stored api key. */
  readonly apiKey: string;
}

/**
 * The api keys the kit accepts: the `apiKey` values you gave `customProviders.connect`, each
 * with its location and mode. A record or map is searched in full with a constant-time compare
 * (no early exit); a function is asked for the stored record of a received key (look it up by a
 * hash of the key, never by a prefix) and its answer is compared in constant time.
 *
 * @example
 * ```ts
 * const apiKeys: CustomProviderApiKeys = {
 *   [process.env.HL_TEST_API_KEY!]: { locationId: 've9EPM428h8vShlRW1KT', mode: 'test' },
 * };
 * const fromDatabase: CustomProviderApiKeys = (apiKey) => db.providerKeys.findByHash(sha256(apiKey));
 * ```
 */
export type CustomProviderApiKeys =
  | Readonly<Record<string, CustomProviderAccount>>
  | ReadonlyMap<string, CustomProviderAccount>
  | ((apiKey: string) => Promise<CustomProviderKeyRecord | undefined> | CustomProviderKeyRecord | undefined);

/** What every typed `queryUrl` request carries besides its own fields. */
export interface CustomProviderQueryBase {
  /** The location and mode of the `apiKey` the call came with. */
  readonly account: CustomProviderAccount;
  /**
   * The request body as HighLevel sent it, without `apiKey`: undocumented fields HighLevel adds
   * over time (`isSchedule` was one) are here before the kit types them.
   */
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * `verify`: after the iframe reported success, HighLevel asks whether the payment went through.
 * Look the payment up by `chargeId` first (HighLevel's advice: `transactionId` may not map 1:1
 * to one of your payments after retries or cancels).
 *
 * @example
 * ```ts
 * const verify = async (query: VerifyQuery): Promise<VerifyOutcome> => {
 *   const charge = await gateway.retrieve(query.chargeId!);
 *   return charge.settled ? { status: 'succeeded' } : { status: 'pending' };
 * };
 * ```
 */
export interface VerifyQuery extends CustomProviderQueryBase {
  /** The request type. */
  readonly type: 'verify';
  /** HighLevel's transaction id. */
  readonly transactionId: string;
  /** Your charge id, as the iframe reported it (`undefined` when HighLevel sent none, e.g. a trial). */
  readonly chargeId: string | undefined;
  /** HighLevel's subscription id, for subscription checkouts. */
  readonly subscriptionId: string | undefined;
}

/**
 * `list_payment_methods`: the saved payment methods of a contact (shown when HighLevel charges
 * off session or creates a subscription).
 *
 * @example
 * ```ts
 * const listPaymentMethods = async (query: ListPaymentMethodsQuery) =>
 *   (await vaults.forContact(query.contactId)).map((vault) => ({
 *     id: vault.id, type: 'card', title: vault.brand, subTitle: `•••• ${vault.last4}`, expiry: '12/29',
 *   }));
 * ```
 */
export interface ListPaymentMethodsQuery extends CustomProviderQueryBase {
  /** The request type. */
  readonly type: 'list_payment_methods';
  /** The location (from the body, else the api key's location). */
  readonly locationId: string;
  /** HighLevel's contact id. */
  readonly contactId: string;
}

/**
 * `charge_payment`: charge a saved payment method (off session). The kit makes it idempotent
 * per `transactionId`: a repeated request is answered with the first outcome and this handler
 * is not called again.
 *
 * @example
 * ```ts
 * const chargePayment = async (query: ChargePaymentQuery): Promise<ChargeOutcome> => {
 *   const sale = await gateway.sale({ vaultId: query.paymentMethodId, amount: query.amount, reference: query.transactionId });
 *   return sale.approved
 *     ? { status: 'succeeded', chargeId: sale.id }
 *     : { status: 'failed', chargeId: sale.id, message: 'Card declined' };
 * };
 * ```
 */
export interface ChargePaymentQuery extends CustomProviderQueryBase {
  /** The request type. */
  readonly type: 'charge_payment';
  /** A payment method id your `listPaymentMethods` returned. */
  readonly paymentMethodId: string;
  /** HighLevel's contact id. */
  readonly contactId: string;
  /** HighLevel's transaction id: the idempotency key. */
  readonly transactionId: string;
  /** What the charge is for, when HighLevel said. */
  readonly chargeDescription: string | undefined;
  /** The amount, converted exactly from HighLevel's decimal major units. */
  readonly amount: Money;
}

/**
 * One product line of a checkout or subscription, as HighLevel sends it (every field optional:
 * the shape has changed between versions). `prices[].amount`, `compareAtPrice` and `setupFee`
 * are passed through untouched: HighLevel says they are in the smallest unit, unverified.
 *
 * @example
 * ```ts
 * const first: CustomProviderProductDetail = { productId: 'prod_1', priceId: 'price_1', qty: 1 };
 * ```
 */
export interface CustomProviderProductDetail {
  /** The line id. */
  readonly _id?: string | undefined;
  /** Product name. */
  readonly name?: string | undefined;
  /** Quantity. */
  readonly qty?: number | undefined;
  /** HighLevel's product id. */
  readonly productId?: string | undefined;
  /** HighLevel's price id. */
  readonly priceId?: string | undefined;
  /** Whether taxes apply. */
  readonly isTaxesEnabled?: boolean | undefined;
  /** Taxes (`rate` is a fraction: 0.08). */
  readonly taxes?: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** Prices, as sent (amounts untouched). */
  readonly prices?: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** Fields HighLevel adds. */
  readonly [field: string]: unknown;
}

/**
 * `create_subscription`: with subscription schedules enabled (`customProviders.updateCapabilities`),
 * HighLevel asks you to create a subscription (and usually charge its first payment) with no
 * iframe and no verify: your answer sets its state. Idempotent per `subscriptionId` like charges.
 *
 * @example
 * ```ts
 * const createSubscription = async (query: CreateSubscriptionQuery): Promise<CreateSubscriptionOutcome> => {
 *   const plan = await billing.schedule(query.paymentMethodId, query.recurringAmount, query.startDate);
 *   return { status: 'succeeded', subscription: { id: plan.id, status: 'active', createdAt: new Date() } };
 * };
 * ```
 */
export interface CreateSubscriptionQuery extends CustomProviderQueryBase {
  /** The request type. */
  readonly type: 'create_subscription';
  /** The location (from the body, else the api key's location). */
  readonly locationId: string;
  /** HighLevel's contact id. */
  readonly contactId: string;
  /** A payment method id your `listPaymentMethods` returned. */
  readonly paymentMethodId: string;
  /** HighLevel's subscription id: the idempotency key. */
  readonly subscriptionId: string;
  /** HighLevel's transaction id of the initial charge, when there is one. */
  readonly transactionId: string | undefined;
  /** When the subscription starts: `YYYY-MM-DD`. */
  readonly startDate: string;
  /** The initial amount (0 when HighLevel sent none). */
  readonly amount: Money;
  /** The amount of each recurring charge (HighLevel sends it as a string, `"80.00"`). */
  readonly recurringAmount: Money;
  /** `isSchedule` (2025-12, undocumented), when sent. */
  readonly isSchedule: boolean | undefined;
  /** The product lines, always an array (HighLevel has sent one object). */
  readonly productDetails: readonly CustomProviderProductDetail[];
}

/**
 * `cancel_subscription`: stop a subscription you created.
 *
 * @example
 * ```ts
 * const cancelSubscription = async (query: CancelSubscriptionQuery) => {
 *   await billing.cancelByHighLevelId(query.subscriptionId);
 * };
 * ```
 */
export interface CancelSubscriptionQuery extends CustomProviderQueryBase {
  /** The request type. */
  readonly type: 'cancel_subscription';
  /** HighLevel's subscription id. */
  readonly subscriptionId: string;
}

/**
 * `refund`: refund all or part of a charge; several refunds may add up to the original total,
 * so refunds are **not** deduplicated. HighLevel sends no currency with a refund: make the
 * Money with {@link RefundQuery.amountIn} once you know the charge's currency.
 *
 * @example
 * ```ts
 * const refund = async (query: RefundQuery): Promise<RefundOutcome> => {
 *   const charge = await gateway.retrieve(query.chargeId);
 *   const amount = query.amountIn(charge.currency);
 *   const done = await gateway.refund(charge.id, amount);
 *   return { status: 'succeeded', id: done.id, amount };
 * };
 * ```
 */
export interface RefundQuery extends CustomProviderQueryBase {
  /** The request type. */
  readonly type: 'refund';
  /** Your charge id. */
  readonly chargeId: string;
  /** HighLevel's transaction id, when sent. */
  readonly transactionId: string | undefined;
  /** The amount exactly as HighLevel sent it, as decimal text in major units (`"25.5"`). */
  readonly amountDecimal: string;
  /** `currency`, when HighLevel sent one (undocumented). */
  readonly currency: string | undefined;
  /**
   * The amount as Money in `currency`. Throws a `validation` PaymentsError when the amount has
   * more decimals than the currency allows (never rounds).
   */
  amountIn(currency: string): Money;
}

/**
 * Any typed `queryUrl` request.
 *
 * @example
 * ```ts
 * const describe = (query: CustomProviderQuery) => `${query.type} for ${query.account.locationId}`;
 * ```
 */
export type CustomProviderQuery =
  | VerifyQuery
  | ListPaymentMethodsQuery
  | ChargePaymentQuery
  | CreateSubscriptionQuery
  | CancelSubscriptionQuery
  | RefundQuery;

/**
 * The `queryUrl` request types the kit serves.
 *
 * @example
 * ```ts
 * const type: CustomProviderQueryType = 'charge_payment';
 * ```
 */
export type CustomProviderQueryType = CustomProviderQuery['type'];

/**
 * A charge as HighLevel's `chargeSnapshot` describes it. `amount` is Money; the kit writes it
 * in the configured unit. `chargedAt` defaults to now.
 *
 * @example
 * ```ts
 * const charge: ChargeSnapshot = { chargeId: 'ch_1', status: 'succeeded', amount: money(2500, 'USD') };
 * ```
 */
export interface ChargeSnapshot {
  /** Your charge id. */
  readonly chargeId: string;
  /** Its status. */
  readonly status: 'succeeded' | 'failed' | 'pending' | 'processing';
  /** What was charged. */
  readonly amount: Money;
  /** When (a Date or unix seconds; default now). */
  readonly chargedAt?: UnixTime | undefined;
}

/**
 * A subscription as HighLevel's `subscriptionSnapshot` describes it; times are written as unix
 * seconds.
 *
 * @example
 * ```ts
 * const subscription: SubscriptionSnapshot = { id: 'sub_1', status: 'trialing', trialEnd: new Date('2026-01-31') };
 * ```
 */
export interface SubscriptionSnapshot {
  /** Your subscription id. */
  readonly id: string;
  /** Its status. */
  readonly status:
    | 'scheduled'
    | 'trialing'
    | 'active'
    | 'expired'
    | 'canceled'
    | 'unpaid'
    | 'incomplete'
    | 'pending';
  /** When the trial ends. */
  readonly trialEnd?: UnixTime | undefined;
  /** When it was created. */
  readonly createdAt?: UnixTime | undefined;
  /** When it is charged next. */
  readonly nextCharge?: UnixTime | undefined;
}

/**
 * What `verify` answers: `succeeded` (`{success:true}`: the order and transaction are paid),
 * `failed` (`{failed:true}`), or `pending` (`{success:false}`: HighLevel leaves the
 * transaction pending; settle it later with a `payment.captured` event). A subscription
 * checkout's first state comes from `subscription` here.
 *
 * @example
 * ```ts
 * const paid: VerifyOutcome = { status: 'succeeded', charge: { chargeId: 'ch_1', status: 'succeeded', amount } };
 * const trial: VerifyOutcome = { status: 'succeeded', subscription: { id: 'sub_1', status: 'trialing' } };
 * ```
 */
export type VerifyOutcome =
  | {
      /** Paid. */
      readonly status: 'succeeded';
      /** A message for HighLevel. */
      readonly message?: string | undefined;
      /** The charge, written as `chargeSnapshot`. */
      readonly charge?: ChargeSnapshot | undefined;
      /** The subscription, written as `subscriptionStatus` and `subscriptionSnapshot`. */
      readonly subscription?: SubscriptionSnapshot | undefined;
    }
  | {
      /** Failed or pending. */
      readonly status: 'failed' | 'pending';
      /** A message for HighLevel. */
      readonly message?: string | undefined;
    };

/**
 * One saved payment method, for `list_payment_methods`. `title` and `subTitle` are cut to 20
 * characters (HighLevel's limit).
 *
 * @example
 * ```ts
 * const method: CustomProviderPaymentMethod = {
 *   id: 'vault_1', type: 'card', title: 'Visa', subTitle: '•••• 4242', expiry: '04/28', customerId: 'cus_1',
 * };
 * ```
 */
export interface CustomProviderPaymentMethod {
  /** Its id: HighLevel sends it back as `paymentMethodId`. */
  readonly id: string;
  /** `card`, `us_bank_account`, … */
  readonly type: 'card' | 'us_bank_account' | (string & {});
  /** What HighLevel shows first (≤ 20 characters). */
  readonly title: string;
  /** What it shows below, e.g. the last four digits (≤ 20 characters). Never a full card or account number. */
  readonly subTitle?: string | undefined;
  /** `MM/YY`. */
  readonly expiry?: string | undefined;
  /** Your customer id. */
  readonly customerId?: string | undefined;
  /** A logo URL. */
  readonly imageUrl?: string | undefined;
}

/**
 * What `charge_payment` answers. `pending` and `processing` are not failures: settle them later
 * with a `payment.captured` event. A `failed` outcome is kept too, so HighLevel retrying a
 * declined charge is not charged again.
 *
 * @example
 * ```ts
 * const approved: ChargeOutcome = { status: 'succeeded', chargeId: 'ch_1' };
 * const declined: ChargeOutcome = { status: 'failed', message: 'Card declined' };
 * ```
 */
export type ChargeOutcome =
  | {
      /** Charged, or accepted and still settling. */
      readonly status: 'succeeded' | 'pending' | 'processing';
      /** Your charge id. */
      readonly chargeId: string;
      /** A message for HighLevel (default "Charge succeeded", …). */
      readonly message?: string | undefined;
      /** What was charged (default the requested amount). */
      readonly amount?: Money | undefined;
      /** When (default now). */
      readonly chargedAt?: UnixTime | undefined;
    }
  | {
      /** Declined or refused. */
      readonly status: 'failed';
      /** Your charge id, when the gateway made one. */
      readonly chargeId?: string | undefined;
      /** Why, for HighLevel. */
      readonly message: string;
      /** What was asked for (default the requested amount). */
      readonly amount?: Money | undefined;
      /** When (default now). */
      readonly chargedAt?: UnixTime | undefined;
    };

/**
 * What `create_subscription` answers. Leave `charge` out when nothing is charged now (a trial).
 *
 * @example
 * ```ts
 * const created: CreateSubscriptionOutcome = {
 *   status: 'succeeded',
 *   charge: { chargeId: 'ch_1', status: 'succeeded', amount },
 *   subscription: { id: 'sub_1', status: 'active', nextCharge: new Date('2026-02-01') },
 * };
 * ```
 */
export type CreateSubscriptionOutcome =
  | {
      /** Created. */
      readonly status: 'succeeded';
      /** A message for HighLevel. */
      readonly message?: string | undefined;
      /** The initial charge, written as `transaction`. */
      readonly charge?: ChargeSnapshot | undefined;
      /** The subscription, written as `subscription`. */
      readonly subscription: SubscriptionSnapshot;
    }
  | {
      /** Not created. */
      readonly status: 'failed';
      /** Why, for HighLevel. */
      readonly message: string;
      /** A failed initial charge, if there was one. */
      readonly charge?: ChargeSnapshot | undefined;
      /** The subscription, if one exists anyway. */
      readonly subscription?: SubscriptionSnapshot | undefined;
    };

/**
 * What `refund` answers.
 *
 * @example
 * ```ts
 * const refunded: RefundOutcome = { status: 'succeeded', id: 're_1', amount: money(500, 'USD') };
 * ```
 */
export type RefundOutcome =
  | {
      /** Refunded. */
      readonly status: 'succeeded';
      /** Your refund id. */
      readonly id: string;
      /** What was refunded (written as a decimal amount and its currency). */
      readonly amount: Money;
      /** A message for HighLevel (default "Refund succeeded"). */
      readonly message?: string | undefined;
    }
  | {
      /** Refused. */
      readonly status: 'failed';
      /** Why, for HighLevel. */
      readonly message: string;
      /** Your refund id, if one was made. */
      readonly id?: string | undefined;
      /** What was asked for, if known. */
      readonly amount?: Money | undefined;
    };
