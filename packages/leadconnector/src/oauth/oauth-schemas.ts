import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { idSchema } from '../common-schemas.js';
import { clientFields } from './token-schemas.js';

export {
  oauthUserTypes,
  refreshTokenInput,
  type TokenResponse,
  tokenResponseSchema,
} from './token-schemas.js';

/** Input of `oauth.exchangeCode` (`grant_type=authorization_code`). */
export const exchangeCodeInput = lazySchema(() =>
  z.strictObject({ ...clientFields, code: z.string().check(z.minLength(1)) }),
);

/** Input of `oauth.locationToken`: a location token from an agency (Company) token. */
export const locationTokenInput = lazySchema(() =>
  z.strictObject({ companyId: idSchema, locationId: z.optional(idSchema) }),
);

/** `GetLocationAccessTokenSuccessfulResponseDto`. */
export const locationTokenResponseSchema = lazySchema(() =>
  z.looseObject({
    access_token: z.string().check(z.minLength(1)),
    token_type: z.optional(z.string()),
    expires_in: z.optional(z.number()),
    scope: z.optional(z.string()),
    locationId: z.optional(z.string()),
    userId: z.optional(z.string()),
    planId: z.optional(z.string()),
  }),
);

/** An `/oauth/locationToken` answer. */
export type LocationTokenResponse = z.infer<typeof locationTokenResponseSchema>;
