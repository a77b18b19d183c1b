import { defineOperation, type RequestParts } from '@payweave/core';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import { refreshTokenInput, tokenResponseSchema } from './token-schemas.js';

// Apart from the other OAuth operations because every client made with `oauth` settings
// runs this one: a module holding exchangeCode and locationToken too would put them in every
// bundle, since a bundler cannot drop an unused `defineOperation(...)` call.

/**
 * The `/oauth/token` form of both grants. Throws when the client credentials are missing,
 * which core reports as a `validation` error with nothing sent: a token call without them
 * cannot succeed, and the caller may have forgotten to create the client with `oauth`.
 */
export function tokenForm(grantType: string, input: Record<string, string | undefined>): RequestParts {
  if (!input.client_id || !input.client_secret) {
    throw new Error(
      'client_id and client_secret are required (pass them, or create the client with oauth settings).',
    );
  }
  return { path: '/oauth/token', form: { ...input, grant_type: grantType } };
}

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
