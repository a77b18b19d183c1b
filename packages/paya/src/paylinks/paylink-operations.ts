import {
  buildError,
  defineOperation,
  Err,
  type OperationContext,
  type PaymentsError,
  type Result,
} from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  createPaylinkInput,
  listPaylinksInput,
  type PayaPaylink,
  paylinkEnvelope,
  paylinkIdInput,
  paylinkListEnvelope,
  paylinkTimestampFilters,
  retrievePaylinkInput,
  toPayaPaylink,
  updatePaylinkInput,
} from './paylink-schemas.js';

const docsUrl = 'https://docs.fortis.tech/v/1_0_0/api/paylinks';

/** Lists paylinks, filtered; pages through all of them (newest first by default). */
export const listPaylinks = defineOperation({
  id: 'paya.paylinks.list',
  method: 'GET',
  path: '/v2/paylinks',
  summary: 'List paylinks with filters, paging through all (newest first by default).',
  input: listPaylinksInput,
  output: paylinkListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, paylinkTimestampFilters) }),
  fromResponse: (body): ListPage<PayaPaylink> => ({
    items: body.paylinks.map(toPayaPaylink),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listPaylinksInput>, PayaPaylink>(),
});

async function findByPaylinkApiId(
  input: z.output<typeof createPaylinkInput>,
  context: OperationContext,
  signal?: AbortSignal,
): Promise<Result<PayaPaylink | undefined, PaymentsError>> {
  const reference = input.paylink_api_id;
  if (reference === undefined) {
    // Without a reference the paylink cannot be found again, and a resend could send a second link.
    return Err(
      buildError(
        { provider: context.provider, operation: 'paya.paylinks.create' },
        {
          code: 'provider_error',
          detail: 'no paylink_api_id to look the paylink up by, so the lookup cannot tell whether it exists.',
        },
      ),
    );
  }
  // Every page of matches is walked and only equality counts (Paya filters may match substrings).
  return context.findExact<PayaPaylink>(
    listPaylinks,
    {
      paylink_api_id: reference,
      page_size: 10,
      ...(input.location_id === undefined ? {} : { location_id: input.location_id }),
    },
    (paylink) => paylink.paylink_api_id === reference,
    { signal },
  );
}

/** Creates a paylink; Paya emails / texts it when `delivery_method` and a recipient say so. */
export const createPaylink = defineOperation({
  id: 'paya.paylinks.create',
  method: 'POST',
  path: '/v2/paylinks',
  summary: 'Create a paylink (a pay page link, optionally sent by email and/or SMS).',
  description:
    'After an ambiguous failure the paylink is looked up by `paylink_api_id` before any resend; without one it is not sent again.',
  input: createPaylinkInput,
  output: paylinkEnvelope,
  retry: 'reconcile',
  docsUrl,
  toRequest: (input) => ({ json: { paylink: input } }),
  fromResponse: (body) => toPayaPaylink(body.paylink),
  reconcile: findByPaylinkApiId,
  reference: (input) => input.paylink_api_id,
});

/** Gets one paylink; `expand: ['payment_url']` adds the pay page link. */
export const retrievePaylink = defineOperation({
  id: 'paya.paylinks.retrieve',
  method: 'GET',
  path: '/v2/paylinks/{id}',
  summary: 'Get one paylink, with `expand` (e.g. payment_url).',
  input: retrievePaylinkInput,
  output: paylinkEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ expand }) => ({ query: expand ? { expand: expand.join(',') } : {} }),
  fromResponse: (body) => toPayaPaylink(body.paylink),
});

/** Changes some fields of an open paylink. */
export const updatePaylink = defineOperation({
  id: 'paya.paylinks.update',
  method: 'PUT',
  path: '/v2/paylinks/{id}',
  summary: 'Update some fields of a paylink (refused once it is closed).',
  input: updatePaylinkInput,
  output: paylinkEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ id: _id, ...fields }) => ({ json: { paylink: fields } }),
  fromResponse: (body) => toPayaPaylink(body.paylink),
});

/** Deletes a paylink (204). */
export const deletePaylink = defineOperation({
  id: 'paya.paylinks.delete',
  method: 'DELETE',
  path: '/v2/paylinks/{id}',
  summary: 'Delete a paylink.',
  description: 'Retried as safe: a retry after a lost 204 reports the paylink as already gone.',
  input: paylinkIdInput,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (_body: unknown, input) => ({ id: input.id, deleted: true as const }),
});

/** Sends the paylink's email / SMS again (204). */
export const resendPaylink = defineOperation({
  id: 'paya.paylinks.resend',
  method: 'POST',
  path: '/v2/paylinks/{id}/resend',
  summary: 'Send the paylink email / SMS again.',
  description: 'Retry mode `never`: a resend after a lost answer would message the customer twice.',
  input: paylinkIdInput,
  retry: 'never',
  positional: 'id',
  docsUrl,
  toRequest: () => ({ json: {} }),
  fromResponse: (_body: unknown, input) => ({ id: input.id, resent: true as const }),
});

/**
 * The paylink operations, by method name (`paya.paylinks.*`).
 *
 * @example
 * ```ts
 * const link = (await paya.paylinks.create({ amount_due: '25.00', email, delivery_method: 1 })).unwrap();
 * const url = (await paya.paylinks.retrieve(link.id, { expand: ['payment_url'] })).unwrap().payment_url;
 * ```
 */
export const paylinkOperations = {
  create: createPaylink,
  retrieve: retrievePaylink,
  update: updatePaylink,
  delete: deletePaylink,
  list: listPaylinks,
  resend: resendPaylink,
} as const;
