import { defineOperation, Err, Ok } from '@payweave/core';
import type * as z from 'zod/mini';
import { buildRequest } from '../build-request.js';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import { limitOffsetPaging } from '../limit-offset-paging.js';
import type { Coupon, CouponList } from './coupon-schemas.js';
import {
  couponListSchema,
  couponSchema,
  createCouponInput,
  deleteCouponInput,
  deleteCouponOutput,
  listCouponsInput,
  retrieveCouponInput,
  updateCouponInput,
} from './coupon-schemas.js';

const alt = ['altId', 'altType'] as const;

/** `GET /payments/coupon/list` — scope `payments/coupons.readonly`. Paged with limit/offset (default 100). */
export const listCoupons = defineOperation({
  id: 'leadconnector.coupons.list',
  method: 'GET',
  path: '/payments/coupon/list',
  summary: 'List the coupons of a location, filtered by status or a search on name and code.',
  input: listCouponsInput,
  output: couponListSchema,
  retry: 'safe',
  scopes: ['payments/coupons.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-coupons`,
  toRequest: (input) => buildRequest(input, { method: 'GET', path: '/payments/coupon/list', required: alt }),
  paging: limitOffsetPaging<z.infer<typeof listCouponsInput>, CouponList, Coupon>(
    (output) => output.data,
    (output) => output.totalCount,
  ),
});

/** `GET /payments/coupon` — scope `payments/coupons.readonly`. By `id` or `code`. */
export const retrieveCoupon = defineOperation({
  id: 'leadconnector.coupons.retrieve',
  method: 'GET',
  path: '/payments/coupon',
  summary: 'Get one coupon by id or by code.',
  input: retrieveCouponInput,
  output: couponSchema,
  retry: 'safe',
  positional: 'id',
  scopes: ['payments/coupons.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/get-coupon`,
  toRequest: (input) => buildRequest(input, { method: 'GET', path: '/payments/coupon', required: alt }),
});

/**
 * `POST /payments/coupon` — scope `payments/coupons.write`; answers 201. After an ambiguous
 * failure the coupon is looked up by its code (unique per location) before any resend.
 */
export const createCoupon = defineOperation({
  id: 'leadconnector.coupons.create',
  method: 'POST',
  path: '/payments/coupon',
  summary: 'Create a coupon (percentage or amount off, validity dates, usage limits, products).',
  input: createCouponInput,
  output: couponSchema,
  retry: 'reconcile',
  scopes: ['payments/coupons.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/create-coupon`,
  toRequest: (input) => buildRequest(input, { method: 'POST', path: '/payments/coupon', required: alt }),
  // The code is unique per location: the lookup key, and what a duplicate refusal names.
  reference: (input) => input.code,
  reconcile: async (input, context, signal) => {
    const found = await context.run(
      retrieveCoupon,
      { altId: input.altId, altType: input.altType ?? 'location', code: input.code },
      { signal, retry: 'safe' },
    );
    if (found.isOk()) return Ok(found.value.code === input.code ? found.value : undefined);
    return found.error.code === 'not_found' ? Ok(undefined) : Err(found.error);
  },
});

/** `PUT /payments/coupon` — scope `payments/coupons.write`. The coupon `id` goes in the body. */
export const updateCoupon = defineOperation({
  id: 'leadconnector.coupons.update',
  method: 'PUT',
  path: '/payments/coupon',
  summary: "Replace a coupon's details (the whole create body plus id).",
  input: updateCouponInput,
  output: couponSchema,
  retry: 'safe',
  positional: 'id',
  scopes: ['payments/coupons.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/update-coupon`,
  toRequest: (input) => buildRequest(input, { method: 'PUT', path: '/payments/coupon', required: alt }),
});

/** `DELETE /payments/coupon` — scope `payments/coupons.write`. A DELETE with a JSON body. */
export const deleteCoupon = defineOperation({
  id: 'leadconnector.coupons.delete',
  method: 'DELETE',
  path: '/payments/coupon',
  summary: 'Delete a coupon for good (the DELETE carries a JSON body with altId, altType and id).',
  input: deleteCouponInput,
  output: deleteCouponOutput,
  retry: 'never',
  positional: 'id',
  scopes: ['payments/coupons.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/delete-coupon`,
  toRequest: (input) =>
    buildRequest(input, { method: 'DELETE', path: '/payments/coupon', required: alt, jsonBody: true }),
});

/** The `coupons` resource.
 *
 * @example
 * ```ts
 * await lc.coupons.retrieve(couponId); // or retrieve({ code: 'SPRING10' })
 * await lc.coupons.update(couponId, { ...couponFields, discountValue: 15 }); // id goes in the body
 * await lc.coupons.delete(couponId); // a DELETE with a JSON body
 * ```
 */
export const couponOperations = {
  list: listCoupons,
  create: createCoupon,
  update: updateCoupon,
  delete: deleteCoupon,
  retrieve: retrieveCoupon,
} as const;
