import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import {
  altIdSchema,
  altTypeSchema,
  dayFilterSchema,
  idSchema,
  limitSchema,
  offsetSchema,
  openObject,
} from '../common-schemas.js';
import { liveStatusSchema } from '../transactions/transaction-schemas.js';

/** Input of `subscriptions.list` (`GET /payments/subscriptions`). */
export const listSubscriptionsInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    entityId: z.optional(idSchema),
    paymentMode: z.optional(z.string().check(z.maxLength(16))),
    startAt: z.optional(dayFilterSchema),
    endAt: z.optional(dayFilterSchema),
    entitySourceType: z.optional(z.string().check(z.maxLength(64))),
    search: z.optional(z.string().check(z.maxLength(256))),
    contactId: z.optional(idSchema),
    /** Subscription id filter. */
    id: z.optional(idSchema),
    limit: z.optional(limitSchema),
    offset: z.optional(offsetSchema),
    getPaymentsCollectedCount: z.optional(z.boolean()),
  }),
);

/** Input of `subscriptions.retrieve`. */
export const retrieveSubscriptionInput = lazySchema(() =>
  z.strictObject({
    subscriptionId: idSchema,
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
  }),
);

/** A subscription (`SubscriptionResponseSchema` / `GetSubscriptionResponseSchema`). */
export const subscriptionSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.unknown()),
    contactId: z.optional(z.string()),
    contactName: z.optional(z.string()),
    contactEmail: z.optional(z.string()),
    currency: z.optional(z.string()),
    amount: z.optional(z.number()),
    status: z.optional(liveStatusSchema),
    liveMode: z.optional(z.boolean()),
    entityType: z.optional(z.string()),
    entityId: z.optional(z.string()),
    entitySourceType: z.optional(z.string()),
    entitySourceName: z.optional(z.string()),
    subscriptionId: z.optional(z.string()),
    subscriptionSnapshot: z.optional(openObject),
    paymentProviderType: z.optional(z.string()),
    canceledAt: z.optional(z.string()),
    traceId: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** `ListSubscriptionResponseDto`. */
export const subscriptionListSchema = lazySchema(() =>
  z.looseObject({
    data: z.array(subscriptionSchema),
    totalCount: z.number(),
  }),
);

/** A subscription. */
export type Subscription = z.infer<typeof subscriptionSchema>;
/** A page of subscriptions. */
export type SubscriptionList = z.infer<typeof subscriptionListSchema>;
