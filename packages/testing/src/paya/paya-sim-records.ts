import type { SimRequest, SimResponse } from '../simulator/sim-types.js';
import { statusError } from './paya-sim-errors.js';
import type { PayaSimState, SimRecord } from './paya-sim-state.js';

/**
 * The record with this id, or Paya's 404 (`notFound`) when there is none or it was deleted:
 * the simulator keeps deleted records flagged, and Paya answers them as missing.
 */
export function findLive<R extends SimRecord>(
  records: ReadonlyMap<string, R>,
  id: string | undefined,
  notFound: string,
): R | SimResponse {
  const record = records.get(id ?? '');
  if (!record || record.deleted) return statusError(404, notFound);
  return record;
}

/**
 * Wraps a `/:id` route's handler: it runs with the record `find` returns, or the route answers
 * with `find`'s error response.
 */
export function withRecord<R extends SimRecord>(
  find: (state: PayaSimState, id: string | undefined) => R | SimResponse,
) {
  return (act: (request: SimRequest, state: PayaSimState, record: R) => SimResponse) =>
    (request: SimRequest, state: PayaSimState): SimResponse => {
      const record = find(state, request.params.id);
      return 'data' in record ? act(request, state, record) : record;
    };
}
