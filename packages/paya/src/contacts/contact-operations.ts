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
  contactEnvelope,
  contactListEnvelope,
  contactTimestampFilters,
  createContactInput,
  deleteContactInput,
  listContactsInput,
  type PayaContact,
  retrieveContactInput,
  toPayaContact,
  updateContactInput,
} from './contact-schemas.js';

const docsUrl = 'https://developers.payaconnect.com/docs/contacts';

/** Lists contacts, filtered; pages through all of them. */
export const listContacts = defineOperation({
  id: 'paya.contacts.list',
  method: 'GET',
  path: '/v2/contacts',
  summary: 'List contacts with filters, paging through all.',
  input: listContactsInput,
  output: contactListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, contactTimestampFilters) }),
  fromResponse: (body): ListPage<PayaContact> => ({
    items: body.contacts.map(toPayaContact),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listContactsInput>, PayaContact>(),
});

async function findByContactApiId(
  input: z.output<typeof createContactInput>,
  context: OperationContext,
  signal?: AbortSignal,
): Promise<Result<PayaContact | undefined, PaymentsError>> {
  const reference = input.contact_api_id;
  if (reference === undefined) {
    // Without a reference the contact cannot be found again, and a resend could duplicate it.
    return Err(
      buildError(
        { provider: context.provider, operation: 'paya.contacts.create' },
        {
          code: 'provider_error',
          detail: 'no contact_api_id to look the contact up by, so the lookup cannot tell whether it exists.',
        },
      ),
    );
  }
  // Every page of matches is walked and only equality counts (Paya filters may match substrings).
  return context.findExact<PayaContact>(
    listContacts,
    { contact_api_id: reference, location_id: input.location_id, page_size: 10 },
    (contact) => contact.contact_api_id === reference,
    { signal },
  );
}

/** Creates a contact (or updates the one with the same `contact_api_id` with `update_if_exists: 1`). */
export const createContact = defineOperation({
  id: 'paya.contacts.create',
  method: 'POST',
  path: '/v2/contacts',
  summary: 'Create a contact; `update_if_exists: 1` upserts by contact_api_id.',
  description:
    'After an ambiguous failure the contact is looked up by `contact_api_id` before any resend; without one it is not sent again.',
  input: createContactInput,
  output: contactEnvelope,
  retry: 'reconcile',
  docsUrl,
  toRequest: (input) => ({ json: { contact: input } }),
  fromResponse: (body) => toPayaContact(body.contact),
  reconcile: findByContactApiId,
  reference: (input) => input.contact_api_id,
});

/** Gets one contact. */
export const retrieveContact = defineOperation({
  id: 'paya.contacts.retrieve',
  method: 'GET',
  path: '/v2/contacts/{id}',
  summary: 'Get one contact, with `expand` for related records.',
  input: retrieveContactInput,
  output: contactEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ expand }) => ({ query: expand ? { expand: expand.join(',') } : {} }),
  fromResponse: (body) => toPayaContact(body.contact),
});

/** Changes some fields of a contact. */
export const updateContact = defineOperation({
  id: 'paya.contacts.update',
  method: 'PUT',
  path: '/v2/contacts/{id}',
  summary: 'Update some fields of a contact.',
  input: updateContactInput,
  output: contactEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ id: _id, ...fields }) => ({ json: { contact: fields } }),
  fromResponse: (body) => toPayaContact(body.contact),
});

/** Deletes a contact (Paya answers 204; a deleted or unknown contact is `conflict` / `not_found`). */
export const deleteContact = defineOperation({
  id: 'paya.contacts.delete',
  method: 'DELETE',
  path: '/v2/contacts/{id}',
  summary: 'Delete a contact.',
  description:
    'Retried as safe: a retry after a lost 204 reports the contact as already deleted (conflict or not_found).',
  input: deleteContactInput,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (_body: unknown, input) => ({ id: input.id, deleted: true as const }),
});

/**
 * The contact operations, by method name (`paya.contacts.*`).
 *
 * @example
 * ```ts
 * const contact = await paya.contacts.create({ location_id, last_name: 'Sanchez', contact_api_id: '137', update_if_exists: 1 });
 * ```
 */
export const contactOperations = {
  create: createContact,
  retrieve: retrieveContact,
  update: updateContact,
  delete: deleteContact,
  list: listContacts,
} as const;
