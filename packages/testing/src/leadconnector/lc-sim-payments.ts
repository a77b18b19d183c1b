import { json } from '../simulator/sim-helpers.js';
import type { SimRoute } from '../simulator/sim-types.js';
import { badRequest, checkAltQuery, intQuery, traceId } from './lc-sim-responses.js';
import type { LcSimPaymentRecord, LeadConnectorSimState } from './lc-sim-state.js';

function matches(
  record: LcSimPaymentRecord,
  query: URLSearchParams,
  idField: 'subscriptionId' | 'id',
): boolean {
  const mode = query.get('paymentMode');
  if (mode && record.liveMode !== (mode === 'live')) return false;
  const startAt = query.get('startAt');
  if (startAt && record.createdAt.slice(0, 10) < startAt) return false;
  const endAt = query.get('endAt');
  if (endAt && record.createdAt.slice(0, 10) > endAt) return false;
  const source = query.get('entitySourceType');
  if (source && record.entitySourceType !== source) return false;
  const subType = query.get('entitySourceSubType');
  if (subType && record.entitySourceSubType !== subType) return false;
  const search = query.get('search')?.toLowerCase();
  if (search && !`${record.contactName} ${record.entitySourceName}`.toLowerCase().includes(search))
    return false;
  const entityId = query.get('entityId');
  if (entityId && record.entityId !== entityId) return false;
  const contactId = query.get('contactId');
  if (contactId && record.contactId !== contactId) return false;
  const id = query.get(idField);
  if (id && record.subscriptionId !== id && record._id !== id) return false;
  return true;
}

function listRoute(
  path: string,
  pick: (state: LeadConnectorSimState) => LcSimPaymentRecord[],
  idField: 'subscriptionId' | 'id',
  withCount: boolean,
): SimRoute<LeadConnectorSimState> {
  return {
    method: 'GET',
    path,
    handle: (request, state) => {
      const invalid = checkAltQuery(request);
      if (invalid) return invalid;
      const altId = request.query.get('altId');
      const matching = pick(state)
        .filter((record) => record.altId === altId && matches(record, request.query, idField))
        .reverse();
      const offset = intQuery(request, 'offset', 0);
      const limit = intQuery(request, 'limit', 10);
      const collected = withCount && request.query.get('getPaymentsCollectedCount') === 'true';
      const collectedFor = (record: LcSimPaymentRecord) =>
        state.transactions.filter((txn) => txn.entityId === record._id && txn.status === 'succeeded').length;
      const page = matching.slice(offset, offset + limit);
      const data = collected
        ? page.map((record) => ({ ...record, paymentsCollected: collectedFor(record) }))
        : page;
      return json(200, { data, totalCount: matching.length });
    },
  };
}

function retrieveRoute(
  path: string,
  param: string,
  pick: (state: LeadConnectorSimState) => LcSimPaymentRecord[],
  label: string,
): SimRoute<LeadConnectorSimState> {
  return {
    method: 'GET',
    path,
    handle: (request, state) => {
      const invalid = checkAltQuery(request);
      if (invalid) return invalid;
      const found = pick(state).find(
        (record) => record._id === request.params[param] && record.altId === request.query.get('altId'),
      );
      // The spec documents "not found" as a 400 for these two.
      return found ? json(200, { ...found, traceId: traceId() }) : badRequest(`${label} not found`);
    },
  };
}

/** Routes of transactions and subscriptions (read-only lists with filters and paging). */
export function paymentRecordRoutes(): SimRoute<LeadConnectorSimState>[] {
  return [
    listRoute('/payments/transactions', (state) => state.transactions, 'subscriptionId', false),
    retrieveRoute(
      '/payments/transactions/:transactionId',
      'transactionId',
      (state) => state.transactions,
      'Transaction',
    ),
    listRoute('/payments/subscriptions', (state) => state.subscriptions, 'id', true),
    retrieveRoute(
      '/payments/subscriptions/:subscriptionId',
      'subscriptionId',
      (state) => state.subscriptions,
      'Subscription',
    ),
  ];
}
