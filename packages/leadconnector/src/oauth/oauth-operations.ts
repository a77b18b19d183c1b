import { defineOperation, type RequestParts } from '@payweave/core';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import {
  exchangeCodeInput,
  locationTokenInput,
  locationTokenResponseSchema,
  refreshTokenInput,
  tokenResponseSchema,
} from './oauth-schemas.js';

function tokenForm(grantType: string, input: Record<string, string | undefined>): RequestParts {
  if (!input.client_id || !input.client_secret) {
    throw new Error(
      'client_id and client_secret are required (pass them, or create the client with oauth settings).',
    );
  }
  return { path: '/oauth/token', form: { ...input, grant_type: grantType } };
}

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

/**
 * `POST /oauth/token` with `grant_type=refresh_token` (form-encoded, no bearer). The
 * refresh token rotates: store the new one before using the new access token. Clients
 * made with `oauth` settings refresh by themselves; call this only for tokens you manage.
 */
export const refreshToken = defineOperation({
  id: 'leadconnector.oauth.refresh',
  method: 'POST',
  path: '/oauth/token',
  summary: 'Trade a refresh token for a new pair (the old refresh token stops working).',
  input: refreshTokenInput,
  output: tokenResponseSchema,
  retry: 'never',
  auth: 'none',
  docsUrl: `${LEADCONNECTOR_DOCS}/get-access-token`,
  toRequest: (input) => tokenForm('refresh_token', input),
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
