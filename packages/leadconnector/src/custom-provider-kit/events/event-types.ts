import type { Money } from '@payweave/core';
import type { UnixTime } from '../wire-values.js';

/**
 * A charge in an event. `amount` is Money; the kit sends it as HighLevel documents, the decimal
 * amount × 100 (USD 100.00 → `10000`, JPY 500 → `50000`).
 *
 * @example
 * ```ts
 * const snapshot: EventChargeSnapshot = { status: 'succeeded', amount: money(10000, 'USD'), chargedAt: new Date() };
 * ```
 */
export interface EventChargeSnapshot {
  /** The charge's status. */
  readonly status: 'succeeded' | 'failed' | 'pending';
  /** What was charged. */
  readonly amount: Money;
  /** Your charge id (default: the event's `chargeId`). */
  readonly chargeId?: string | undefined;
  /** When (a Date or unix seconds). */
  readonly chargedAt: UnixTime;
}

/**
 * A subscription in an event; times are Dates or unix seconds (sent as unix seconds).
 *
 * @example
 * ```ts
 * const snapshot: EventSubscriptionSnapshot = { id: 'sub_1', status: 'active', nextCharge: new Date('2026-02-01') };
 * ```
 */
export interface EventSubscriptionSnapshot {
  /** Your subscription id. */
  readonly id: string;
  /** Its status. */
  readonly status: 'trialing' | 'active' | 'expired' | 'canceled' | 'unpaid' | 'pending';
  /** When the trial ends. */
  readonly trialEnd?: UnixTime | undefined;
  /** When it was created. */
  readonly createdAt?: UnixTime | undefined;
  /** When it is charged next. */
  readonly nextCharge?: UnixTime | undefined;
}

/**
 * What every event carries: HighLevel authenticates the webhook by the `apiKey` **in the body**
 * (one of the keys you connected for the location; it is redacted from every log line and
 * error), plus the general shape's optional fields.
 *
 * @example
 * ```ts
 * const base: CustomProviderEventBase = { apiKey: process.env.HL_LIVE_API_KEY!, locationId: 've9EPM428h8vShlRW1KT' };
 * ```
 */
export interface CustomProviderEventBase {
  /** The api key you connected for this location and mode. */
  readonly apiKey: string;
  /** The HighLevel location id. */
  readonly locationId: string;
  /** Your charge id. */
  readonly chargeId?: string | undefined;
  /** HighLevel's transaction id. */
  readonly ghlTransactionId?: string | undefined;
  /** HighLevel's subscription id. */
  readonly ghlSubscriptionId?: string | undefined;
  /** Your marketplace app id. */
  readonly marketplaceAppId?: string | undefined;
  /** The charge. */
  readonly chargeSnapshot?: EventChargeSnapshot | undefined;
  /** The subscription. */
  readonly subscriptionSnapshot?: EventSubscriptionSnapshot | undefined;
}

/**
 * `payment.captured`: a payment HighLevel left pending (verify answered `{success:false}`)
 * was captured. HighLevel's UI status still comes from verify; this acknowledges the capture.
 *
 * @example
 * ```ts
 * const event: PaymentCapturedEvent = {
 *   event: 'payment.captured', apiKey, locationId, chargeId: 'ch_123', ghlTransactionId: '680a923d…',
 *   chargeSnapshot: { status: 'succeeded', amount: money(10000, 'USD'), chargedAt: 1724217600 },
 * };
 * ```
 */
export interface PaymentCapturedEvent extends CustomProviderEventBase {
  /** The event name. */
  readonly event: 'payment.captured';
  /** Your charge id. */
  readonly chargeId: string;
  /** HighLevel's transaction id. */
  readonly ghlTransactionId: string;
  /** The charge. */
  readonly chargeSnapshot: EventChargeSnapshot;
}

/**
 * `subscription.updated`: a subscription's state changed (canceled, unpaid, …).
 *
 * @example
 * ```ts
 * const event: SubscriptionUpdatedEvent = {
 *   event: 'subscription.updated', apiKey, locationId, ghlSubscriptionId: 'hl_sub_1',
 *   subscriptionSnapshot: { id: 'sub_1', status: 'canceled' },
 * };
 * ```
 */
export interface SubscriptionUpdatedEvent extends CustomProviderEventBase {
  /** The event name. */
  readonly event: 'subscription.updated';
  /** HighLevel's subscription id. */
  readonly ghlSubscriptionId: string;
  /** The subscription. */
  readonly subscriptionSnapshot: EventSubscriptionSnapshot;
}

/**
 * `subscription.trialing` (a trial was created with no charge) or `subscription.active` (after
 * the first successful charge).
 *
 * @example
 * ```ts
 * const event: SubscriptionStartedEvent = {
 *   event: 'subscription.active', apiKey, locationId, chargeId: 'ch_1', ghlTransactionId: 'hl_tx_1',
 *   ghlSubscriptionId: 'hl_sub_1', marketplaceAppId: 'app_1',
 * };
 * ```
 */
export interface SubscriptionStartedEvent extends CustomProviderEventBase {
  /** The event name. */
  readonly event: 'subscription.trialing' | 'subscription.active';
  /** Your charge id. */
  readonly chargeId: string;
  /** HighLevel's transaction id. */
  readonly ghlTransactionId: string;
  /** HighLevel's subscription id. */
  readonly ghlSubscriptionId: string;
  /** Your marketplace app id. */
  readonly marketplaceAppId: string;
}

/**
 * `subscription.charged`: after **every** recurring charge (HighLevel runs no billing cycles
 * for custom providers: you schedule and charge).
 *
 * @example
 * ```ts
 * const event: SubscriptionChargedEvent = {
 *   event: 'subscription.charged', apiKey, locationId, chargeId: 'ch_2', ghlSubscriptionId: 'hl_sub_1',
 *   subscriptionSnapshot: { id: 'sub_1', status: 'active', nextCharge: new Date('2026-03-01') },
 *   chargeSnapshot: { status: 'succeeded', amount: money(8000, 'USD'), chargedAt: new Date() },
 * };
 * ```
 */
export interface SubscriptionChargedEvent extends CustomProviderEventBase {
  /** The event name. */
  readonly event: 'subscription.charged';
  /** Your charge id. */
  readonly chargeId: string;
  /** HighLevel's subscription id. */
  readonly ghlSubscriptionId: string;
  /** The subscription. */
  readonly subscriptionSnapshot: EventSubscriptionSnapshot;
  /** The charge. */
  readonly chargeSnapshot: EventChargeSnapshot;
}

/**
 * Any event a custom provider posts to HighLevel.
 *
 * @example
 * ```ts
 * const events: CustomProviderEvent[] = [captured, charged];
 * ```
 */
export type CustomProviderEvent =
  | PaymentCapturedEvent
  | SubscriptionUpdatedEvent
  | SubscriptionStartedEvent
  | SubscriptionChargedEvent;

/**
 * The documented event names.
 *
 * @example
 * ```ts
 * const name: CustomProviderEventName = 'subscription.charged';
 * ```
 */
export type CustomProviderEventName = CustomProviderEvent['event'];

/**
 * What HighLevel answered an event (a 2xx only acknowledges receipt; its body is not documented).
 *
 * @example
 * ```ts
 * const receipt: CustomProviderEventReceipt = (await events.send(event)).unwrap();
 * console.log(receipt.httpStatus);
 * ```
 */
export interface CustomProviderEventReceipt {
  /** The event sent. */
  readonly event: CustomProviderEventName;
  /** HighLevel's HTTP status. */
  readonly httpStatus: number;
  /** HighLevel's body, as sent (`undefined` when empty). */
  readonly body: unknown;
}
