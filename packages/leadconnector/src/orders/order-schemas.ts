import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { amountSchema } from '../amount-schema.js';
import {
  altIdSchema,
  altTypeSchema,
  dayFilterSchema,
  idSchema,
  limitSchema,
  offsetSchema,
  openObject,
} from '../common-schemas.js';

/** Order payment statuses the list filter accepts. */
export const orderPaymentStatuses = ['paid', 'unpaid', 'refunded', 'partially_paid'] as const;

/** Payment modes `record-payment` accepts. */
export const recordPaymentModes = ['cash', 'card', 'cheque', 'bank_transfer', 'other'] as const;

/** Card brands `record-payment` accepts. */
export const cardTypes = ['visa', 'mastercard', 'other'] as const;

/** Order source types (`OrderSource.type`). */
export const orderSourceTypes = [
  'funnel',
  'website',
  'invoice',
  'calendar',
  'text2Pay',
  'document_contracts',
  'membership',
  'mobile_app',
  'communities',
  'point_of_sale',
  'manual',
  'form',
  'survey',
  'payment_link',
  'external',
] as const;

/** Input of `orders.list` (`GET /payments/orders`). */
export const listOrdersInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    /** Not in the spec; sent as `location` because the live API expects it with `altId`. */
    altType: z.optional(altTypeSchema),
    locationId: z.optional(idSchema),
    status: z.optional(z.string().check(z.maxLength(64))),
    paymentStatus: z.optional(z.enum(orderPaymentStatuses)),
    paymentMode: z.optional(z.string().check(z.maxLength(16))),
    startAt: z.optional(dayFilterSchema),
    endAt: z.optional(dayFilterSchema),
    search: z.optional(z.string().check(z.maxLength(256))),
    contactId: z.optional(idSchema),
    /** Comma-separated funnel product ids. */
    funnelProductIds: z.optional(z.string().check(z.maxLength(2048))),
    sourceId: z.optional(idSchema),
    limit: z.optional(limitSchema),
    offset: z.optional(offsetSchema),
  }),
);

/** Input of `orders.retrieve`. */
export const retrieveOrderInput = lazySchema(() =>
  z.strictObject({
    orderId: idSchema,
    altId: z.optional(altIdSchema),
    /** The live API answers 422 without `altType=location` although the spec omits it. */
    altType: z.optional(altTypeSchema),
    locationId: z.optional(idSchema),
  }),
);

/** Input of the order sub-resources (fulfillments list, notes list). */
export const orderChildInput = lazySchema(() =>
  z.strictObject({
    orderId: idSchema,
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
  }),
);

/** Input of `orders.recordPayment` (`PostRecordOrderPaymentBody`). */
export const recordPaymentInput = lazySchema(() =>
  z.strictObject({
    orderId: idSchema,
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    mode: z.enum(recordPaymentModes),
    card: z.optional(
      z.strictObject({
        type: z.enum(cardTypes),
        last4: z.string().check(z.regex(/^\d{4}$/, 'must be 4 digits')),
      }),
    ),
    cheque: z.optional(z.strictObject({ number: z.string().check(z.minLength(1), z.maxLength(64)) })),
    notes: z.optional(z.string().check(z.maxLength(5000))),
    /** Major units (`100` is 100.00 in the order's currency): positive, at most 2 decimals, at most 99,999,999.99. */
    amount: z.optional(amountSchema),
    meta: z.optional(openObject),
    isPartialPayment: z.optional(z.boolean()),
  }),
);

/** Input of `orders.createFulfillment` (`CreateFulfillmentDto`). */
export const createFulfillmentInput = lazySchema(() =>
  z.strictObject({
    orderId: idSchema,
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    trackings: z.array(
      z.strictObject({
        trackingNumber: z.optional(z.string().check(z.maxLength(256))),
        shippingCarrier: z.optional(z.string().check(z.maxLength(256))),
        trackingUrl: z.optional(z.string().check(z.maxLength(2048))),
      }),
    ),
    items: z
      .array(z.strictObject({ priceId: idSchema, qty: z.number().check(z.int(), z.positive()) }))
      .check(z.minLength(1)),
    notifyCustomer: z.boolean(),
  }),
);

/** An order as listed (`OrderResponseSchema`); unknown fields are kept. */
export const orderSummarySchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.string()),
    contactId: z.optional(z.string()),
    contactName: z.optional(z.string()),
    contactEmail: z.optional(z.string()),
    currency: z.optional(z.string()),
    amount: z.optional(z.number()),
    subtotal: z.optional(z.number()),
    discount: z.optional(z.number()),
    status: z.optional(z.string()),
    paymentStatus: z.optional(z.string()),
    liveMode: z.optional(z.boolean()),
    totalProducts: z.optional(z.number()),
    sourceType: z.optional(z.string()),
    sourceName: z.optional(z.string()),
    sourceId: z.optional(z.string()),
    sourceSubType: z.optional(z.string()),
    couponCode: z.optional(z.string()),
    fulfillmentStatus: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** A list page of orders. */
export const orderListSchema = lazySchema(() =>
  z.looseObject({ data: z.array(orderSummarySchema), totalCount: z.number() }),
);

/** One order (`GetOrderResponseSchema`). */
export const orderSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.string()),
    contactId: z.optional(z.string()),
    currency: z.optional(z.string()),
    amount: z.optional(z.number()),
    status: z.optional(z.string()),
    paymentStatus: z.optional(z.string()),
    liveMode: z.optional(z.boolean()),
    fulfillmentStatus: z.optional(z.string()),
    contactSnapshot: z.optional(openObject),
    amountSummary: z.optional(
      z.looseObject({ subtotal: z.optional(z.number()), discount: z.optional(z.number()) }),
    ),
    source: z.optional(
      z.looseObject({
        type: z.optional(z.string()),
        subType: z.optional(z.string()),
        id: z.optional(z.string()),
        name: z.optional(z.string()),
      }),
    ),
    items: z.optional(z.array(z.unknown())),
    coupon: z.optional(openObject),
    meta: z.optional(openObject),
    markAsTest: z.optional(z.boolean()),
    traceId: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

const fulfillmentSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.string()),
    trackings: z.optional(
      z.array(
        z.looseObject({
          trackingNumber: z.optional(z.string()),
          shippingCarrier: z.optional(z.string()),
          trackingUrl: z.optional(z.string()),
        }),
      ),
    ),
    items: z.optional(
      z.array(
        z.looseObject({
          _id: z.optional(z.string()),
          name: z.optional(z.string()),
          qty: z.optional(z.number()),
          price: z.optional(openObject),
          product: z.optional(openObject),
        }),
      ),
    ),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** `CreateFulfillmentResponseDto`. */
export const createFulfillmentOutput = lazySchema(() =>
  z.looseObject({ status: z.boolean(), data: fulfillmentSchema }),
);

/** `ListFulfillmentResponseDto`. */
export const listFulfillmentsOutput = lazySchema(() =>
  z.looseObject({
    status: z.boolean(),
    data: z.array(fulfillmentSchema),
  }),
);

/** Order notes: the spec documents no response body, so any JSON is passed through. */
export const listNotesOutput = lazySchema(() => z.unknown());

/** An order as listed. */
export type OrderSummary = z.infer<typeof orderSummarySchema>;
/** One order. */
export type Order = z.infer<typeof orderSchema>;
/** A page of orders. */
export type OrderList = z.infer<typeof orderListSchema>;
/** One fulfillment. */
export type Fulfillment = z.infer<typeof fulfillmentSchema>;
/** Answer of `orders.createFulfillment`. */
export type CreateFulfillmentOutput = z.infer<typeof createFulfillmentOutput>;
/** Answer of `orders.listFulfillments`. */
export type ListFulfillmentsOutput = z.infer<typeof listFulfillmentsOutput>;
