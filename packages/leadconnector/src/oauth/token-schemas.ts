import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';

// Apart from the other OAuth schemas because every client made with `oauth` settings uses
// these for its refresh: zod schemas are built when their module loads, so a bundler keeps
// every schema of a module it includes.

/** The kinds of token `/oauth/token` can issue. */
export const oauthUserTypes = ['Company', 'Location'] as const;

/** The client credential fields every `/oauth/token` grant takes. */
export const clientFields = {
  /** Defaults to the client's `oauth.clientId`. */
  client_id: z.optional(z.string().check(z.minLength(1))),
  /** Defaults to the client's `oauth.clientSecret`. */
  client_secret: z.optional(z.string().check(z.minLength(1))),
  user_type: z.optional(z.enum(oauthUserTypes)),
  redirect_uri: z.optional(z.string().check(z.maxLength(2048))),
};

/** Input of `oauth.refresh` (`grant_type=refresh_token`). */
export const refreshTokenInput = lazySchema(() =>
  z.strictObject({
    ...clientFields,
    refresh_token: z.string().check(z.minLength(1)),
  }),
);

/** `GetAccessCodeSuccessfulResponseDto`. */
export const tokenResponseSchema = lazySchema(() =>
  z.looseObject({
    access_token: z.string().check(z.minLength(1)),
    token_type: z.optional(z.string()),
    /** Seconds (about 86399). */
    expires_in: z.optional(z.number()),
    /** Rotates on every refresh: the old one stops working. */
    refresh_token: z.optional(z.string()),
    scope: z.optional(z.string()),
    userType: z.optional(z.string()),
    locationId: z.optional(z.string()),
    companyId: z.optional(z.string()),
    userId: z.optional(z.string()),
    approvedLocations: z.optional(z.array(z.string())),
    planId: z.optional(z.string()),
  }),
);

/** An `/oauth/token` answer. */
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
