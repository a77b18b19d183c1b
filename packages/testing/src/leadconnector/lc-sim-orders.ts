import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimRoute } from '../simulator/sim-types.js';
import {
  badRequest,
  bodyOf,
  Checks,
  checkAltQuery,
  intQuery,
  notFound,
  traceId,
} from './lc-sim-responses.js';
import type { LcSimFulfillment, LcSimOrder, LeadConnectorSimState } from './lc-sim-state.js';
import { type LcSimEventSink, orderEventPayload } from './lc-sim-webhooks.js';

function summary(order: LcSimOrder) {
  return {
    _id: order._id,
    altId: order.altId,
    altType: 'location',
    contactId: order.contactId,
    contactName: order.contactName,
    contactEmail: order.contactEmail,
    currency: order.currency,
    amount: order.amount,
    subtotal: order.amount,
    discount: 0,
    status: order.status,
    paymentStatus: order.paymentStatus,
    liveMode: order.liveMode,
    totalProducts: order.items.length,
    sourceType: order.sourceType,
    sourceSubType: order.sourceSubType,
    sourceName: order.sourceName,
    sourceId: order.sourceId,
    fulfillmentStatus: order.fulfillmentStatus,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

function detail(order: LcSimOrder) {
  return {
    _id: order._id,
    altId: order.altId,
    altType: 'location',
    contactId: order.contactId,
    currency: order.currency,
    amount: order.amount,
    status: order.status,
    paymentStatus: order.paymentStatus,
    liveMode: order.liveMode,
    fulfillmentStatus: order.fulfillmentStatus,
    contactSnapshot: { id: order.contactId, name: order.contactName, email: order.contactEmail },
    amountSummary: { subtotal: order.amount, discount: 0 },
    source: {
      type: order.sourceType,
      subType: order.sourceSubType,
      id: order.sourceId,
      name: order.sourceName,
    },
    items: order.items,
    amountPaid: order.amountPaid,
    markAsTest: !order.liveMode,
    traceId: traceId(),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

function matches(order: LcSimOrder, query: URLSearchParams): boolean {
  const status = query.get('status');
  if (status && order.status !== status) return false;
  const paymentStatus = query.get('paymentStatus');
  if (paymentStatus && order.paymentStatus !== paymentStatus) return false;
  const mode = query.get('paymentMode');
  if (mode && order.liveMode !== (mode === 'live')) return false;
  const startAt = query.get('startAt');
  if (startAt && order.createdAt.slice(0, 10) < startAt) return false;
  const endAt = query.get('endAt');
  if (endAt && order.createdAt.slice(0, 10) > endAt) return false;
  const search = query.get('search')?.toLowerCase();
  if (search && !`${order.contactName} ${order.sourceName}`.toLowerCase().includes(search)) return false;
  const contactId = query.get('contactId');
  if (contactId && order.contactId !== contactId) return false;
  const funnelProductIds = query.get('funnelProductIds');
  if (
    funnelProductIds &&
    !funnelProductIds.split(',').some((id) => order.funnelProductIds.includes(id.trim()))
  )
    return false;
  const sourceId = query.get('sourceId');
  if (sourceId && order.sourceId !== sourceId) return false;
  return true;
}

const filterKeys = [
  'status',
  'paymentStatus',
  'paymentMode',
  'startAt',
  'endAt',
  'search',
  'contactId',
  'funnelProductIds',
  'sourceId',
];

function findOrder(
  request: SimRequest,
  state: LeadConnectorSimState,
  altId: unknown,
): LcSimOrder | undefined {
  const order = state.orderById.get(request.params.orderId ?? '');
  return order && order.altId === altId ? order : undefined;
}

function now(): string {
  return new Date().toISOString();
}

/**
 * Routes of orders, record-payment, fulfillments and notes. A recorded payment that moves an
 * order's status or payment status emits `OrderStatusUpdate` to `events`.
 */
export function orderRoutes(events?: LcSimEventSink): SimRoute<LeadConnectorSimState>[] {
  return [
    {
      method: 'GET',
      path: '/payments/orders',
      handle: (request, state) => {
        const altId = request.query.get('altId');
        if (!altId) return new Checks().string({}, 'altId').result()!;
        const all = state.orders.get(altId) ?? [];
        const limit = intQuery(request, 'limit', 10);
        const offset = intQuery(request, 'offset', 0);
        // Newest first; without filters a page is a slice, so 100,000 orders list fast.
        if (!filterKeys.some((key) => request.query.has(key))) {
          const end = Math.max(0, all.length - offset);
          const page = all.slice(Math.max(0, end - limit), end).reverse();
          return json(200, { data: page.map(summary), totalCount: all.length });
        }
        const matching: LcSimOrder[] = [];
        for (let index = all.length - 1; index >= 0; index -= 1) {
          const order = all[index] as LcSimOrder;
          if (matches(order, request.query)) matching.push(order);
        }
        return json(200, {
          data: matching.slice(offset, offset + limit).map(summary),
          totalCount: matching.length,
        });
      },
    },
    {
      method: 'GET',
      path: '/payments/orders/:orderId',
      handle: (request, state) => {
        // The live API answers 422 without altType=location, although the spec omits it.
        const invalid = checkAltQuery(request);
        if (invalid) return invalid;
        const order = findOrder(request, state, request.query.get('altId'));
        return order ? json(200, detail(order)) : notFound('Order not found');
      },
    },
    {
      method: 'POST',
      path: '/payments/orders/:orderId/record-payment',
      handle: (request, state) => {
        const body = bodyOf(request);
        const checks = new Checks()
          .only(body, [
            'altId',
            'altType',
            'mode',
            'card',
            'cheque',
            'notes',
            'amount',
            'meta',
            'isPartialPayment',
          ])
          .string(body, 'altId')
          .oneOf(body, 'altType', ['location'])
          .oneOf(body, 'mode', ['cash', 'card', 'cheque', 'bank_transfer', 'other'])
          .number(body, 'amount', true)
          .boolean(body, 'isPartialPayment', true);
        const card = body.card as Record<string, unknown> | undefined;
        if (card !== undefined) {
          checks.oneOf({ 'card.type': card.type }, 'card.type', ['visa', 'mastercard', 'other']);
          checks.that(
            typeof card.last4 === 'string' && /^\d{4}$/.test(card.last4),
            'card.last4 must be a string of 4 digits',
          );
        }
        const invalid = checks.result();
        if (invalid) return invalid;
        const order = findOrder(request, state, body.altId);
        if (!order) return notFound('Order not found');
        const due = Math.round((order.amount - order.amountPaid) * 100) / 100;
        if (due <= 0) return badRequest('Order is already paid');
        const amount = typeof body.amount === 'number' ? body.amount : due;
        if (amount <= 0) return badRequest('Amount must be greater than 0');
        if (amount > due) return badRequest(`Amount exceeds the due amount of ${due}`);
        if (amount < due && body.isPartialPayment !== true)
          return badRequest('Amount is less than the due amount; set isPartialPayment');
        const at = now();
        const before = `${order.status}/${order.paymentStatus}`;
        order.amountPaid = Math.round((order.amountPaid + amount) * 100) / 100;
        order.paymentStatus = order.amountPaid >= order.amount ? 'paid' : 'partially_paid';
        if (order.paymentStatus === 'paid') order.status = 'completed';
        order.updatedAt = at;
        state.transactions.push({
          _id: newHexId(),
          altId: order.altId,
          altType: 'location',
          contactId: order.contactId,
          contactName: order.contactName,
          contactEmail: order.contactEmail,
          currency: order.currency,
          amount,
          status: 'succeeded',
          liveMode: order.liveMode,
          entityType: 'order',
          entityId: order._id,
          entitySourceType: order.sourceType,
          entitySourceName: order.sourceName,
          paymentProviderType: 'manual',
          meta: { mode: body.mode, ...(card ? { card: { type: card.type, last4: card.last4 } } : {}) },
          createdAt: at,
          updatedAt: at,
        });
        if (typeof body.notes === 'string' && body.notes !== '') {
          const notes = state.notes.get(order._id) ?? [];
          notes.push({
            _id: newHexId(),
            orderId: order._id,
            text: body.notes,
            type: 'payment',
            createdAt: at,
          });
          state.notes.set(order._id, notes);
        }
        if (`${order.status}/${order.paymentStatus}` !== before) {
          events?.emit('OrderStatusUpdate', orderEventPayload(order, 'OrderStatusUpdate'));
        }
        return json(200, { success: true });
      },
    },
    {
      method: 'POST',
      path: '/payments/orders/:orderId/fulfillments',
      handle: (request, state) => {
        const body = bodyOf(request);
        const checks = new Checks()
          .only(body, ['altId', 'altType', 'trackings', 'items', 'notifyCustomer'])
          .string(body, 'altId')
          .oneOf(body, 'altType', ['location'])
          .boolean(body, 'notifyCustomer')
          .that(Array.isArray(body.trackings), 'trackings must be an array')
          .that(Array.isArray(body.items) && body.items.length > 0, 'items must contain at least 1 elements');
        const invalid = checks.result();
        if (invalid) return invalid;
        const order = findOrder(request, state, body.altId);
        if (!order) return notFound('Order not found');
        const existing = state.fulfillments.get(order._id) ?? [];
        const shipped = new Map<string, number>();
        for (const fulfillment of existing) {
          for (const line of fulfillment.items)
            shipped.set(line.price._id, (shipped.get(line.price._id) ?? 0) + line.qty);
        }
        const lines: LcSimFulfillment['items'] = [];
        for (const requested of body.items as { priceId?: string; qty?: number }[]) {
          const line = order.items.find((candidate) => candidate.price._id === requested.priceId);
          if (!line) return badRequest(`Invalid priceId ${String(requested.priceId)} for this order`);
          const qty = Number(requested.qty);
          if (!Number.isInteger(qty) || qty <= 0)
            return new Checks().that(false, 'items.qty must be a positive number').result()!;
          const already = shipped.get(line.price._id) ?? 0;
          if (already + qty > line.qty)
            return badRequest(`Quantity for ${line.name} exceeds the ordered quantity`);
          shipped.set(line.price._id, already + qty);
          lines.push({ _id: line._id, name: line.name, qty, price: line.price, product: line.product });
        }
        const at = now();
        const fulfillment: LcSimFulfillment = {
          _id: newHexId(),
          altId: order.altId,
          altType: 'location',
          trackings: body.trackings as LcSimFulfillment['trackings'],
          items: lines,
          notifyCustomer: body.notifyCustomer as boolean,
          createdAt: at,
          updatedAt: at,
        };
        existing.push(fulfillment);
        state.fulfillments.set(order._id, existing);
        const complete = order.items.every((line) => (shipped.get(line.price._id) ?? 0) >= line.qty);
        order.fulfillmentStatus = complete ? 'fulfilled' : 'partially_fulfilled';
        order.updatedAt = at;
        return json(200, { status: true, data: fulfillment });
      },
    },
    {
      method: 'GET',
      path: '/payments/orders/:orderId/fulfillments',
      handle: (request, state) => {
        const invalid = checkAltQuery(request);
        if (invalid) return invalid;
        const order = findOrder(request, state, request.query.get('altId'));
        if (!order) return notFound('Order not found');
        return json(200, { status: true, data: state.fulfillments.get(order._id) ?? [] });
      },
    },
    {
      method: 'GET',
      path: '/payments/orders/:orderId/notes',
      handle: (request, state) => {
        const invalid = checkAltQuery(request);
        if (invalid) return invalid;
        const order = findOrder(request, state, request.query.get('altId'));
        if (!order) return notFound('Order not found');
        const notes = state.notes.get(order._id) ?? [];
        return json(200, { data: notes, totalCount: notes.length, traceId: traceId() });
      },
    },
  ];
}
