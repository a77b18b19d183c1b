import { defineOperation, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { tokenOutput } from '../payment-links/payment-link-schemas.js';

/** A token issued by `/auth/get-token`. */
export interface ConnectFiIssuedToken {
  /** The token (a secret), sent as `x-connectfi-token`. */
  readonly token: string;
  /** When it expires (`dtsExpireAt`). */
  readonly expiresAt: Date;
}

/** Login settings: `login` letters, digits and `_` (at most 36); `password` at most 50. */
export const getTokenInput = lazySchema(() =>
  z.strictObject({
    user: z.strictObject({
      login: z
        .string()
        .check(
          z.minLength(1),
          z.maxLength(36),
          z.regex(/^[0-9a-zA-Z_]+$/, 'must contain only letters, digits and _'),
        ),
      password: z.string().check(z.minLength(1), z.maxLength(50)),
    }),
    requestId: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
  }),
);

/** `connectfi.auth.getToken`: logs in (used by the client itself; the token is never returned to callers). */
export const getToken = defineOperation({
  id: 'connectfi.auth.getToken',
  method: 'POST',
  path: '/auth/get-token',
  summary: 'Log in with the client login and password; returns a token and its expiry.',
  docsUrl: 'https://docs.paygears.com/connectfi/authentication',
  input: getTokenInput,
  output: tokenOutput,
  retry: 'safe',
  // The login carries its own credentials.
  auth: 'none',
  // A login changes nothing a resend could duplicate: a lost answer is never "outcome unknown".
  effect: 'read',
  fromResponse: (data): ConnectFiIssuedToken => {
    const expiresAt = new Date(data.dtsExpireAt);
    if (Number.isNaN(expiresAt.getTime())) throw new Error(`dtsExpireAt "${data.dtsExpireAt}" is not a date`);
    return { token: data.token, expiresAt };
  },
});
