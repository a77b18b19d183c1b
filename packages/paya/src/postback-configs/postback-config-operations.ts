import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  createPostbackConfigInput,
  listPostbackConfigsInput,
  type PayaPostbackConfig,
  postbackConfigEnvelope,
  postbackConfigIdInput,
  postbackConfigListEnvelope,
  postbackConfigTimestampFilters,
  toPayaPostbackConfig,
  toPostbackConfigFields,
  updatePostbackConfigInput,
} from './postback-config-schemas.js';

const docsUrl = 'https://docs.payaconnect.com/developers/api/endpoints/postbackconfigs';

/** Lists postback configs, filtered; pages through all of them. */
export const listPostbackConfigs = defineOperation({
  id: 'paya.postbackConfigs.list',
  method: 'GET',
  path: '/v2/postbackconfigs',
  summary: 'List postback configs with filters, paging through all.',
  description:
    "Paya's docs show only create and update; the list follows the v2 pattern of the other resources.",
  input: listPostbackConfigsInput,
  output: postbackConfigListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, postbackConfigTimestampFilters) }),
  fromResponse: (body): ListPage<PayaPostbackConfig> => ({
    items: body.postbackconfigs.map(toPayaPostbackConfig),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listPostbackConfigsInput>, PayaPostbackConfig>(),
});

/** Subscribes a URL to the postbacks of one resource of a location. */
export const createPostbackConfig = defineOperation({
  id: 'paya.postbackConfigs.create',
  method: 'POST',
  path: '/v2/postbackconfigs',
  summary: "Create a postback config: Paya posts the resource's events to `url`.",
  description:
    "Retry mode `never`: a config has no client reference to look it up by, and a second one would double every postback. After an ambiguous failure, list the location's configs before creating again.",
  input: createPostbackConfigInput,
  output: postbackConfigEnvelope,
  retry: 'never',
  docsUrl,
  toRequest: (input) => ({ json: { postbackconfig: toPostbackConfigFields(input) } }),
  fromResponse: (body) => toPayaPostbackConfig(body.postbackconfig),
});

/** Gets one postback config. */
export const retrievePostbackConfig = defineOperation({
  id: 'paya.postbackConfigs.retrieve',
  method: 'GET',
  path: '/v2/postbackconfigs/{id}',
  summary: 'Get one postback config.',
  input: postbackConfigIdInput,
  output: postbackConfigEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (body) => toPayaPostbackConfig(body.postbackconfig),
});

/** Changes some fields of a postback config (the URL, the events, the credentials, ...). */
export const updatePostbackConfig = defineOperation({
  id: 'paya.postbackConfigs.update',
  method: 'PUT',
  path: '/v2/postbackconfigs/{id}',
  summary: 'Update some fields of a postback config.',
  input: updatePostbackConfigInput,
  output: postbackConfigEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: (input) => ({ json: { postbackconfig: toPostbackConfigFields(input) } }),
  fromResponse: (body) => toPayaPostbackConfig(body.postbackconfig),
});

/** Deletes a postback config (204): Paya stops posting to its URL. */
export const deletePostbackConfig = defineOperation({
  id: 'paya.postbackConfigs.delete',
  method: 'DELETE',
  path: '/v2/postbackconfigs/{id}',
  summary: 'Delete a postback config.',
  description: 'Retried as safe: a retry after a lost 204 reports the config as already gone.',
  input: postbackConfigIdInput,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (_body: unknown, input) => ({ id: input.id, deleted: true as const }),
});

/**
 * The postback config operations, by method name (`paya.postbackConfigs.*`).
 *
 * @example
 * ```ts
 * const config = await paya.postbackConfigs.create({
 *   location_id,
 *   resource: 'transaction',
 *   product_transaction_id,
 *   url: 'https://shop.example/webhooks/paya/4f9c2e7a',
 *   on_create: 1,
 *   on_update: 1,
 *   on_delete: 0,
 *   is_active: 1,
 *   number_of_attempts: 5,
 *   basic_auth_username: 'paya',
 *   basic_auth_password: process.env.PAYA_POSTBACK_PASSWORD!,
 * });
 * ```
 */
export const postbackConfigOperations = {
  create: createPostbackConfig,
  retrieve: retrievePostbackConfig,
  update: updatePostbackConfig,
  delete: deletePostbackConfig,
  list: listPostbackConfigs,
} as const;
