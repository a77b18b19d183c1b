import { currencyExponent, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { toUnixSeconds, unixTimeProblem } from '../wire-values.js';

const id = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(256)));

const unixTime = lazySchema(() =>
  z.union([z.date(), z.number()]).check(
    z.superRefine((value, context) => {
      const problem = unixTimeProblem(value);
      if (problem !== undefined) context.issues.push({ code: 'custom', message: problem, input: value });
    }),
  ),
);

const moneySchema = z
  .object({
    amountMinor: z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
    currency: z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO 4217 code')),
  })
  .check(
    z.superRefine((value, context) => {
      const exponent = currencyExponent(value.currency);
      if (exponent > 2 && value.amountMinor % 10 ** (exponent - 2) !== 0) {
        context.issues.push({
          code: 'custom',
          message: `must have at most 2 decimals: HighLevel reads this amount as the decimal amount × 100 (${value.currency.toUpperCase()} has ${exponent})`,
          input: value,
          path: ['amountMinor'],
        });
      }
    }),
  );

/** `chargeSnapshot` of an event: the amount is Money (sent as the decimal amount × 100), `chargedAt` a Date or unix seconds. */
export const eventChargeSnapshotSchema = lazySchema(() =>
  z.strictObject({
    status: z.enum(['succeeded', 'failed', 'pending']),
    amount: moneySchema,
    /** Defaults to the event's `chargeId`. */
    chargeId: z.optional(id),
    chargedAt: unixTime,
  }),
);

/** `subscriptionSnapshot` of an event; times are Dates or unix seconds. */
export const eventSubscriptionSnapshotSchema = lazySchema(() =>
  z.strictObject({
    id,
    status: z.enum(['trialing', 'active', 'expired', 'canceled', 'unpaid', 'pending']),
    trialEnd: z.optional(unixTime),
    createdAt: z.optional(unixTime),
    nextCharge: z.optional(unixTime),
  }),
);

// Every event carries the general shape; the table in HighLevel's docs makes some fields required.
const general = {
  apiKey: z.string().check(z.minLength(1), z.maxLength(1024)),
  locationId: id,
  chargeId: z.optional(id),
  ghlTransactionId: z.optional(id),
  ghlSubscriptionId: z.optional(id),
  marketplaceAppId: z.optional(id),
  chargeSnapshot: z.optional(eventChargeSnapshotSchema),
  subscriptionSnapshot: z.optional(eventSubscriptionSnapshotSchema),
};

/** Input of `payment.captured`: `chargeId`, `ghlTransactionId`, `chargeSnapshot` required. */
export const paymentCapturedInput = lazySchema(() =>
  z.strictObject({
    ...general,
    chargeId: id,
    ghlTransactionId: id,
    chargeSnapshot: eventChargeSnapshotSchema,
  }),
);

/** Input of `subscription.updated`: `ghlSubscriptionId`, `subscriptionSnapshot` required. */
export const subscriptionUpdatedInput = lazySchema(() =>
  z.strictObject({
    ...general,
    ghlSubscriptionId: id,
    subscriptionSnapshot: eventSubscriptionSnapshotSchema,
  }),
);

/** Input of `subscription.trialing` / `subscription.active`: `chargeId`, `ghlTransactionId`, `ghlSubscriptionId`, `marketplaceAppId` required. */
export const subscriptionStartedInput = lazySchema(() =>
  z.strictObject({
    ...general,
    chargeId: id,
    ghlTransactionId: id,
    ghlSubscriptionId: id,
    marketplaceAppId: id,
  }),
);

/** Input of `subscription.charged`: `chargeId`, `ghlSubscriptionId`, `subscriptionSnapshot`, `chargeSnapshot` required. */
export const subscriptionChargedInput = lazySchema(() =>
  z.strictObject({
    ...general,
    chargeId: id,
    ghlSubscriptionId: id,
    subscriptionSnapshot: eventSubscriptionSnapshotSchema,
    chargeSnapshot: eventChargeSnapshotSchema,
  }),
);

type GeneralInput = z.infer<z.ZodMiniObject<typeof general>>;

/** The JSON body HighLevel's webhook endpoint takes: Money as × 100 integers, times as unix seconds. */
export function toEventBody(event: string, input: GeneralInput): Record<string, unknown> {
  const body: Record<string, unknown> = { event };
  for (const key of ['chargeId', 'ghlTransactionId', 'ghlSubscriptionId', 'marketplaceAppId'] as const) {
    if (input[key] !== undefined) body[key] = input[key];
  }
  body.locationId = input.locationId;
  body.apiKey = input.apiKey;
  const charge = input.chargeSnapshot;
  if (charge) {
    const exponent = currencyExponent(charge.amount.currency);
    const chargeId = charge.chargeId ?? input.chargeId;
    body.chargeSnapshot = {
      status: charge.status,
      // Checked by the schema: an integer for every currency with up to 2 decimals, and for the others when it can be.
      amount:
        exponent <= 2
          ? charge.amount.amountMinor * 10 ** (2 - exponent)
          : charge.amount.amountMinor / 10 ** (exponent - 2),
      ...(chargeId === undefined ? {} : { chargeId }),
      chargedAt: toUnixSeconds(charge.chargedAt),
    };
  }
  const subscription = input.subscriptionSnapshot;
  if (subscription) {
    const snapshot: Record<string, unknown> = { id: subscription.id, status: subscription.status };
    for (const key of ['trialEnd', 'createdAt', 'nextCharge'] as const) {
      const value = subscription[key];
      if (value !== undefined) snapshot[key] = toUnixSeconds(value);
    }
    body.subscriptionSnapshot = snapshot;
  }
  return body;
}
