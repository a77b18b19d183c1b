import { defineOperation } from '@payweave/core';
import { buildRequest } from '../build-request.js';
import { successSchema } from '../common-schemas.js';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import {
  connectCustomProviderInput,
  createCustomProviderInput,
  customProviderSchema,
  disconnectCustomProviderInput,
  locationOnlyInput,
  updateCapabilitiesInput,
} from './custom-provider-schemas.js';

const location = ['locationId'] as const;
const query = ['locationId'] as const;

/** `POST /payments/custom-provider/provider?locationId=` — scope `payments/custom-provider.write`. */
export const createCustomProvider = defineOperation({
  id: 'leadconnector.customProviders.create',
  method: 'POST',
  path: '/payments/custom-provider/provider',
  summary: 'Create the custom payment provider integration of your marketplace app for a location.',
  input: createCustomProviderInput,
  output: customProviderSchema,
  retry: 'never',
  scopes: ['payments/custom-provider.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/create-integration`,
  toRequest: (input) =>
    buildRequest(input, {
      method: 'POST',
      path: '/payments/custom-provider/provider',
      required: location,
      queryKeys: query,
    }),
});

/** `DELETE /payments/custom-provider/provider?locationId=` — scope `payments/custom-provider.write`. */
export const deleteCustomProvider = defineOperation({
  id: 'leadconnector.customProviders.delete',
  method: 'DELETE',
  path: '/payments/custom-provider/provider',
  summary: 'Delete the custom provider integration of a location.',
  input: locationOnlyInput,
  output: successSchema,
  retry: 'never',
  scopes: ['payments/custom-provider.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/delete-integration`,
  toRequest: (input) =>
    buildRequest(input, { method: 'DELETE', path: '/payments/custom-provider/provider', required: location }),
});

/** `GET /payments/custom-provider/connect?locationId=` — scope `payments/custom-provider.readonly`. 400 when none exists. */
export const getCustomProviderConfig = defineOperation({
  id: 'leadconnector.customProviders.getConfig',
  method: 'GET',
  path: '/payments/custom-provider/connect',
  summary: 'Get the custom provider config of a location (a 400 when there is none).',
  input: locationOnlyInput,
  output: customProviderSchema,
  retry: 'safe',
  scopes: ['payments/custom-provider.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/fetch-config`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/custom-provider/connect', required: location }),
});

/** `POST /payments/custom-provider/connect?locationId=` — scope `payments/custom-provider.write`. */
export const connectCustomProvider = defineOperation({
  id: 'leadconnector.customProviders.connect',
  method: 'POST',
  path: '/payments/custom-provider/connect',
  summary: 'Connect live and test keys (apiKey, publishableKey) to the custom provider of a location.',
  input: connectCustomProviderInput,
  output: customProviderSchema,
  retry: 'never',
  scopes: ['payments/custom-provider.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/create-config`,
  toRequest: (input) =>
    buildRequest(input, {
      method: 'POST',
      path: '/payments/custom-provider/connect',
      required: location,
      queryKeys: query,
    }),
});

/** `POST /payments/custom-provider/disconnect?locationId=` — scope `payments/custom-provider.write`. */
export const disconnectCustomProvider = defineOperation({
  id: 'leadconnector.customProviders.disconnect',
  method: 'POST',
  path: '/payments/custom-provider/disconnect',
  summary: 'Disconnect the live or test config of the custom provider of a location.',
  input: disconnectCustomProviderInput,
  output: successSchema,
  retry: 'never',
  scopes: ['payments/custom-provider.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/disconnect-config`,
  toRequest: (input) =>
    buildRequest(input, {
      method: 'POST',
      path: '/payments/custom-provider/disconnect',
      required: location,
      queryKeys: query,
    }),
});

/** `PUT /payments/custom-provider/capabilities` — scope `payments/custom-provider.write`. */
export const updateCustomProviderCapabilities = defineOperation({
  id: 'leadconnector.customProviders.updateCapabilities',
  method: 'PUT',
  path: '/payments/custom-provider/capabilities',
  summary:
    'Toggle the capabilities (subscription schedules) of the marketplace app for a company or location.',
  input: updateCapabilitiesInput,
  output: successSchema,
  retry: 'safe',
  scopes: ['payments/custom-provider.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/custom-provider-marketplace-app-update-capabilities`,
  toRequest: (input) => {
    if (input.companyId === undefined && input.locationId === undefined) {
      throw new Error('companyId or locationId is required (or create the client with locationId).');
    }
    return buildRequest(input, { method: 'PUT', path: '/payments/custom-provider/capabilities' });
  },
});

/** The `customProviders` resource.
 *
 * @example
 * ```ts
 * await lc.customProviders.updateCapabilities({ supportsSubscriptionSchedules: true });
 * ```
 */
export const customProviderOperations = {
  create: createCustomProvider,
  delete: deleteCustomProvider,
  getConfig: getCustomProviderConfig,
  connect: connectCustomProvider,
  disconnect: disconnectCustomProvider,
  updateCapabilities: updateCustomProviderCapabilities,
} as const;
