import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { amountSchema } from '../amount-schema.js';
import { altIdSchema, altTypeSchema, idSchema, limitSchema, offsetSchema } from '../common-schemas.js';

/** Coupon discount types. */
export const discountTypes = ['percentage', 'amount'] as const;

/** Coupon statuses (list filter and response). */
export const couponStatuses = ['scheduled', 'active', 'expired'] as const;

const isoDateTime = z
  .string()
  .check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/,
      'must be YYYY-MM-DDTHH:mm:ssZ',
    ),
  );

/** Coupon fields shared by create and update (`CreateCouponParams`). */
const couponFields = {
  altId: z.optional(altIdSchema),
  altType: z.optional(altTypeSchema),
  name: z.string().check(z.minLength(1), z.maxLength(256)),
  /** Unique per location. */
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  discountType: z.enum(discountTypes),
  /**
   * `discountType: 'amount'`: an amount in major units (positive, at most 2 decimals, at most
   * 99,999,999.99). `'percentage'`: a percentage greater than 0 and at most 100, at most 2 decimals.
   */
  discountValue: amountSchema,
  startDate: isoDateTime,
  endDate: z.optional(isoDateTime),
  usageLimit: z.optional(z.number().check(z.int(), z.positive())),
  productIds: z.optional(z.array(idSchema)),
  /** In the endpoint reference, not in the OpenAPI schema. */
  priceIds: z.optional(z.array(idSchema)),
  /** In the endpoint reference, not in the OpenAPI schema. */
  variantIds: z.optional(z.array(idSchema)),
  applyToFuturePayments: z.optional(z.boolean()),
  applyToFuturePaymentsConfig: z.optional(
    z.strictObject({
      type: z.enum(['forever', 'fixed']),
      duration: z.number().check(z.int(), z.minimum(0)),
      durationType: z.enum(['months']),
    }),
  ),
  /** A boolean here; the API answers with a number. */
  limitPerCustomer: z.optional(z.boolean()),
};

const percentageAtMost100 = lazySchema(() =>
  z.refine(
    (input: unknown) => {
      const coupon = input as { discountType: string; discountValue: number };
      return coupon.discountType !== 'percentage' || coupon.discountValue <= 100;
    },
    { message: 'a percentage discount must be at most 100', path: ['discountValue'] },
  ),
);

/** Input of `coupons.create`. */
export const createCouponInput = lazySchema(() => z.strictObject(couponFields).check(percentageAtMost100));

/** Input of `coupons.update`: the create body plus `id` (sent in the body; the path has none). */
export const updateCouponInput = lazySchema(() =>
  z.strictObject({ ...couponFields, id: idSchema }).check(percentageAtMost100),
);

/** Input of `coupons.delete`: sent as a JSON body on the DELETE. */
export const deleteCouponInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    id: idSchema,
  }),
);

/** Input of `coupons.retrieve`: `id` or `code` (the spec marks both required, its text says either). */
export const retrieveCouponInput = z
  .strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    id: z.optional(idSchema),
    code: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(
    z.refine((input) => input.id !== undefined || input.code !== undefined, {
      message: 'give id or code',
      path: ['id'],
    }),
  );

/** Input of `coupons.list`. */
export const listCouponsInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    limit: z.optional(limitSchema),
    offset: z.optional(offsetSchema),
    status: z.optional(z.enum(couponStatuses)),
    search: z.optional(z.string().check(z.maxLength(256))),
  }),
);

/** A coupon (`CouponDto` / `CreateCouponResponseDto`). */
export const couponSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.string()),
    name: z.optional(z.string()),
    code: z.optional(z.string()),
    discountType: z.optional(z.string()),
    discountValue: z.optional(z.number()),
    status: z.optional(z.string()),
    startDate: z.optional(z.string()),
    endDate: z.optional(z.string()),
    usageCount: z.optional(z.number()),
    /** A number in responses (a boolean in requests). */
    limitPerCustomer: z.optional(z.union([z.number(), z.boolean()])),
    applyToFuturePayments: z.optional(z.boolean()),
    applyToFuturePaymentsConfig: z.optional(
      z.looseObject({
        type: z.optional(z.string()),
        duration: z.optional(z.number()),
        durationType: z.optional(z.string()),
      }),
    ),
    userId: z.optional(z.string()),
    traceId: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** `ListCouponsResponseDto`. */
export const couponListSchema = lazySchema(() =>
  z.looseObject({
    data: z.array(couponSchema),
    totalCount: z.number(),
    traceId: z.optional(z.string()),
  }),
);

/** `DeleteCouponResponseDto`. */
export const deleteCouponOutput = lazySchema(() =>
  z.looseObject({ success: z.boolean(), traceId: z.optional(z.string()) }),
);

/** A coupon. */
export type Coupon = z.infer<typeof couponSchema>;
/** A page of coupons. */
export type CouponList = z.infer<typeof couponListSchema>;
