import { hideInternals, type SessionTokenAuth } from '@payweave/core';

/** What can be read about a client's session; never the token itself. */
export interface PayConnectSessionView {
  /** UTC expiry of the cached session token, or `undefined` when there is none. */
  readonly expiresAt: Date | undefined;
  /** How many session tokens this client has created. */
  readonly issuedCount: number;
  /** True when a cached token exists and has not expired. */
  readonly active: boolean;
}

/** A read-only view over the session auth whose `inspect` and JSON show only expiry and count. */
export function createSessionView(
  auth: SessionTokenAuth,
  now: () => number = Date.now,
): PayConnectSessionView {
  const view = {
    get expiresAt() {
      return auth.expiresAt;
    },
    get issuedCount() {
      return auth.issuedCount;
    },
    get active() {
      const expiresAt = auth.expiresAt;
      return expiresAt !== undefined && expiresAt.getTime() > now();
    },
  };
  return Object.freeze(
    hideInternals(view, () => ({
      expiresAt: view.expiresAt?.toISOString(),
      issuedCount: view.issuedCount,
      active: view.active,
    })),
  );
}
