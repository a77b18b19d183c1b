import type { SimRoute } from '../simulator/sim-types.js';
import { validationError } from './paya-sim-errors.js';
import { listResponse, pageParameters } from './paya-sim-query.js';
import type { PayaSimState, SimLocation } from './paya-sim-state.js';
import type { TransactionContext } from './paya-sim-transactions.js';

function toWire(location: SimLocation, baseUrl: string): Record<string, unknown> {
  return {
    id: location.id,
    name: location.name,
    address1: '5800 NW 39th AVE',
    address2: null,
    city: location.city,
    state: location.state,
    zip: location.zip,
    office_phone: '3525550100',
    office_ext_phone: null,
    fax: null,
    tz: location.tz,
    product_transactions: location.product_transactions.map(({ sec_code: _secCode, ...product }) => ({
      ...product,
      default_transaction_type: product.payment_method === 'cc' ? 'sale' : 'debit',
      _links: { self: { href: `${baseUrl}/v2/producttransactions/${product.id}` } },
    })),
    default_cc: location.default_cc,
    default_ach: location.default_ach,
    branding_domain_url: location.branding_domain_url,
    terminals: [],
    tags: [],
    created_ts: location.created_ts,
    _links: {
      self: { href: `${baseUrl}/v2/locationinfos/${location.id}` },
      location: { href: `${baseUrl}/v2/locations/${location.id}` },
    },
  };
}

/** The location info route (`relationship`, `product_transaction_active`, paging). */
export function locationRoutes(context: TransactionContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'GET',
      path: '/v2/locationinfos',
      handle: (request, state) => {
        const paging = pageParameters(request.query);
        if ('error' in paging) return paging.error;
        const relationship = request.query.get('relationship') ?? 'direct';
        if (!['all', 'direct', 'child'].includes(relationship))
          return validationError({ relationship: ['Relationship must be all, direct or child.'] });
        const active = request.query.get('product_transaction_active');
        if (active !== null && active !== '0' && active !== '1')
          return validationError({
            product_transaction_active: ['Product Transaction Active must be 0 or 1.'],
          });
        const matching = state.locations.filter(
          (location) =>
            (relationship === 'all' || location.relationship === relationship) &&
            (active === null ||
              location.product_transactions.some((product) => String(product.active) === active)),
        );
        const start = (paging.page - 1) * paging.pageSize;
        const baseUrl = context.baseUrl();
        const records = matching
          .slice(start, start + paging.pageSize)
          .map((location) => toWire(location, baseUrl));
        return listResponse(
          baseUrl,
          '/v2/locationinfos',
          'locationinfos',
          records,
          matching.length,
          paging.page,
          paging.pageSize,
          null,
        );
      },
    },
  ];
}
