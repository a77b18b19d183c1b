import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRoute } from '../simulator/sim-types.js';
import {
  badRequest,
  bodyOf,
  Checks,
  checkAltQuery,
  intQuery,
  notFound,
  traceId,
} from './lc-sim-responses.js';
import type { LcSimCoupon, LeadConnectorSimState } from './lc-sim-state.js';

const couponFields = [
  'altId',
  'altType',
  'name',
  'code',
  'discountType',
  'discountValue',
  'startDate',
  'endDate',
  'usageLimit',
  'productIds',
  'priceIds',
  'variantIds',
  'applyToFuturePayments',
  'applyToFuturePaymentsConfig',
  'limitPerCustomer',
];

function statusOf(coupon: LcSimCoupon, now = Date.now()): 'scheduled' | 'active' | 'expired' {
  if (Date.parse(coupon.startDate) > now) return 'scheduled';
  if (coupon.endDate && Date.parse(coupon.endDate) < now) return 'expired';
  return 'active';
}

function view(coupon: LcSimCoupon) {
  return { ...coupon, status: statusOf(coupon) };
}

function checkCoupon(body: Record<string, unknown>, withId: boolean) {
  const checks = new Checks()
    .only(body, withId ? [...couponFields, 'id'] : couponFields)
    .string(body, 'altId')
    .oneOf(body, 'altType', ['location'])
    .string(body, 'name')
    .string(body, 'code')
    .oneOf(body, 'discountType', ['percentage', 'amount'])
    .number(body, 'discountValue')
    .string(body, 'startDate')
    .string(body, 'endDate', true)
    .number(body, 'usageLimit', true)
    .boolean(body, 'applyToFuturePayments', true)
    .boolean(body, 'limitPerCustomer', true);
  if (typeof body.startDate === 'string')
    checks.that(!Number.isNaN(Date.parse(body.startDate)), 'startDate must be a valid ISO 8601 date string');
  if (body.discountType === 'percentage' && typeof body.discountValue === 'number') {
    checks.that(
      body.discountValue > 0 && body.discountValue <= 100,
      'discountValue must not be greater than 100',
    );
  }
  if (withId) checks.string(body, 'id');
  return checks.result();
}

function apply(coupon: LcSimCoupon, body: Record<string, unknown>): void {
  coupon.name = body.name as string;
  coupon.code = body.code as string;
  coupon.discountType = body.discountType as LcSimCoupon['discountType'];
  coupon.discountValue = body.discountValue as number;
  coupon.startDate = body.startDate as string;
  if (typeof body.endDate === 'string') coupon.endDate = body.endDate;
  else delete coupon.endDate;
  if (typeof body.usageLimit === 'number') coupon.usageLimit = body.usageLimit;
  coupon.productIds = Array.isArray(body.productIds) ? (body.productIds as string[]) : [];
  coupon.applyToFuturePayments = body.applyToFuturePayments !== false;
  const config = body.applyToFuturePaymentsConfig as LcSimCoupon['applyToFuturePaymentsConfig'] | undefined;
  coupon.applyToFuturePaymentsConfig = config ?? { type: 'forever', duration: 0, durationType: 'months' };
  // A boolean in requests, a number in responses (as the live API does).
  coupon.limitPerCustomer = body.limitPerCustomer === true ? 1 : 0;
  coupon.updatedAt = new Date().toISOString();
}

function duplicate(state: LeadConnectorSimState, altId: unknown, code: unknown, exceptId?: string): boolean {
  const wanted = String(code).toLowerCase();
  return state.coupons.some(
    (coupon) => coupon.altId === altId && coupon.code.toLowerCase() === wanted && coupon._id !== exceptId,
  );
}

/** Routes of coupons: list, create (201), update (id in the body), delete (JSON body), fetch. */
export function couponRoutes(): SimRoute<LeadConnectorSimState>[] {
  return [
    {
      method: 'GET',
      path: '/payments/coupon/list',
      handle: (request, state) => {
        const invalid = checkAltQuery(request);
        if (invalid) return invalid;
        const altId = request.query.get('altId');
        const status = request.query.get('status');
        if (status && !['scheduled', 'active', 'expired'].includes(status)) {
          return new Checks().oneOf({ status }, 'status', ['scheduled', 'active', 'expired']).result()!;
        }
        const search = request.query.get('search')?.toLowerCase();
        const matching = state.coupons
          .filter((coupon) => coupon.altId === altId)
          .filter((coupon) => !status || statusOf(coupon) === status)
          .filter((coupon) => !search || `${coupon.name} ${coupon.code}`.toLowerCase().includes(search));
        const offset = intQuery(request, 'offset', 0);
        const limit = intQuery(request, 'limit', 100);
        return json(200, {
          data: matching.slice(offset, offset + limit).map(view),
          totalCount: matching.length,
          traceId: traceId(),
        });
      },
    },
    {
      method: 'POST',
      path: '/payments/coupon',
      handle: (request, state) => {
        const body = bodyOf(request);
        const invalid = checkCoupon(body, false);
        if (invalid) return invalid;
        if (duplicate(state, body.altId, body.code))
          return badRequest(`Coupon code ${String(body.code)} already exists`);
        const at = new Date().toISOString();
        const coupon: LcSimCoupon = {
          _id: newHexId(),
          altId: body.altId as string,
          altType: 'location',
          name: '',
          code: '',
          discountType: 'amount',
          discountValue: 0,
          startDate: '',
          usageCount: 0,
          limitPerCustomer: 0,
          productIds: [],
          applyToFuturePayments: true,
          applyToFuturePaymentsConfig: { type: 'forever', duration: 0, durationType: 'months' },
          createdAt: at,
          updatedAt: at,
        };
        apply(coupon, body);
        state.coupons.push(coupon);
        return json(201, { ...view(coupon), traceId: traceId() });
      },
    },
    {
      method: 'PUT',
      path: '/payments/coupon',
      handle: (request, state) => {
        const body = bodyOf(request);
        const invalid = checkCoupon(body, true);
        if (invalid) return invalid;
        const coupon = state.coupons.find(
          (candidate) => candidate._id === body.id && candidate.altId === body.altId,
        );
        if (!coupon) return notFound('Coupon not found');
        if (duplicate(state, body.altId, body.code, coupon._id))
          return badRequest(`Coupon code ${String(body.code)} already exists`);
        apply(coupon, body);
        return json(200, { ...view(coupon), traceId: traceId() });
      },
    },
    {
      method: 'DELETE',
      path: '/payments/coupon',
      handle: (request, state) => {
        // The coupon to delete is named in a JSON body: a DELETE whose body was dropped fails here.
        const body = bodyOf(request);
        const invalid = new Checks()
          .only(body, ['altId', 'altType', 'id'])
          .string(body, 'altId')
          .oneOf(body, 'altType', ['location'])
          .string(body, 'id')
          .result();
        if (invalid) return invalid;
        const index = state.coupons.findIndex(
          (coupon) => coupon._id === body.id && coupon.altId === body.altId,
        );
        if (index === -1) return notFound('Coupon not found');
        state.coupons.splice(index, 1);
        return json(200, { success: true, traceId: traceId() });
      },
    },
    {
      method: 'GET',
      path: '/payments/coupon',
      handle: (request, state) => {
        const invalid = checkAltQuery(request);
        if (invalid) return invalid;
        const id = request.query.get('id');
        const code = request.query.get('code');
        if (!id && !code) return new Checks().that(false, 'id or code should not be empty').result()!;
        const altId = request.query.get('altId');
        const coupon = state.coupons.find(
          (candidate) =>
            candidate.altId === altId &&
            (id ? candidate._id === id : candidate.code.toLowerCase() === String(code).toLowerCase()),
        );
        return coupon ? json(200, { ...view(coupon), traceId: traceId() }) : notFound('Coupon not found');
      },
    },
  ];
}
