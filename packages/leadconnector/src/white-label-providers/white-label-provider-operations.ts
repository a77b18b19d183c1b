import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { buildRequest } from '../build-request.js';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import { limitOffsetPaging } from '../limit-offset-paging.js';
import type { WhiteLabelProvider, WhiteLabelProviderList } from './white-label-provider-schemas.js';
import {
  createWhiteLabelProviderInput,
  listWhiteLabelProvidersInput,
  whiteLabelProviderListSchema,
  whiteLabelProviderSchema,
} from './white-label-provider-schemas.js';

const alt = ['altId', 'altType'] as const;
const path = '/payments/integrations/provider/whitelabel';

/** `POST /payments/integrations/provider/whitelabel` — scope `payments/integration.write`; marketplace-app token only. */
export const createWhiteLabelProvider = defineOperation({
  id: 'leadconnector.whiteLabelProviders.create',
  method: 'POST',
  path,
  summary:
    'Create a white-label payment provider built on Authorize.net or NMI (marketplace-app token only).',
  input: createWhiteLabelProviderInput,
  output: whiteLabelProviderSchema,
  retry: 'never',
  scopes: ['payments/integration.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/create-integration-provider`,
  toRequest: (input) => buildRequest(input, { method: 'POST', path, required: alt }),
});

/** `GET /payments/integrations/provider/whitelabel` — scope `payments/integration.readonly`. Paged with limit/offset. */
export const listWhiteLabelProviders = defineOperation({
  id: 'leadconnector.whiteLabelProviders.list',
  method: 'GET',
  path,
  summary: 'List the white-label integration providers of a location.',
  input: listWhiteLabelProvidersInput,
  output: whiteLabelProviderListSchema,
  retry: 'safe',
  scopes: ['payments/integration.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-integration-providers`,
  toRequest: (input) => buildRequest(input, { method: 'GET', path, required: alt }),
  paging: limitOffsetPaging<
    z.infer<typeof listWhiteLabelProvidersInput>,
    WhiteLabelProviderList,
    WhiteLabelProvider
  >((output) => (Array.isArray(output.providers) ? output.providers : [output.providers])),
});

/** The `whiteLabelProviders` resource.
 *
 * @example
 * ```ts
 * await lc.whiteLabelProviders.list().toArray({ limit: 50 });
 * ```
 */
export const whiteLabelProviderOperations = {
  create: createWhiteLabelProvider,
  list: listWhiteLabelProviders,
} as const;
