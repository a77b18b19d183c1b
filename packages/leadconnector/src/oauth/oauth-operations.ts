import { defineOperation } from '@payweave/core';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import {
  exchangeCodeInput,
  locationTokenInput,
  locationTokenResponseSchema,
  tokenResponseSchema,
} from './oauth-schemas.js';
import { refreshToken, tokenForm } from './refresh-token-operation.js';

export { refreshToken };

/** `POST /oauth/token` with `grant_type=authorization_code` (form-encoded, no bearer). */
export const exchangeCode = defineOperation({
  id: 'leadconnector.oauth.exchangeCode',
  method: 'POST',
  path: '/oauth/token',
  summary: 'Exchange an authorization code for an access and refresh token pair.',
  description: 'A code works once, so the call is never retried after it may have reached the server.',
  input: exchangeCodeInput,
  output: tokenResponseSchema,
  retry: 'never',
  auth: 'none',
  docsUrl: `${LEADCONNECTOR_DOCS}/get-access-token`,
  toRequest: (input) => tokenForm('authorization_code', input),
});

/** `POST /oauth/locationToken` — scope `oauth.write` on an agency (Company) token; form-encoded, with `Version`. */
export const locationToken = defineOperation({
  id: 'leadconnector.oauth.locationToken',
  method: 'POST',
  path: '/oauth/locationToken',
  summary: 'Get a location (sub-account) access token from an agency token.',
  input: locationTokenInput,
  output: locationTokenResponseSchema,
  retry: 'safe',
  scopes: ['oauth.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/get-location-access-token`,
  toRequest: (input) => {
    if (!input.locationId)
      throw new Error('locationId is required (pass it, or create the client with locationId).');
    return {
      path: '/oauth/locationToken',
      form: { companyId: input.companyId, locationId: input.locationId },
    };
  },
});

/** The `oauth` resource.
 *
 * @example
 * ```ts
 * const tokens = await lc.oauth.exchangeCode({ code, redirect_uri: 'https://app.example/callback' });
 * ```
 */
export const oauthOperations = { exchangeCode, refresh: refreshToken, locationToken } as const;
