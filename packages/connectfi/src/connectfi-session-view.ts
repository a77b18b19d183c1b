import { hideInternals, type SessionTokenAuth } from '@payweave/core';

/** What can be read about a client's login token; never the token itself. */
export interface ConnectFiSessionView {
  /** `dtsExpireAt` of the cached token, or `undefined` when there is none. */
  readonly expiresAt: Date | undefined;
  /** How many tokens this client has obtained. */
  readonly issuedCount: number;
  /** True when a cached token exists and has not expired. */
  readonly active: boolean;
}

/** A read-only view over the token auth whose `inspect` and JSON show only expiry and count. */
export function createConnectFiSessionView(auth: SessionTokenAuth): ConnectFiSessionView {
  const view = {
    get expiresAt() {
      return auth.expiresAt;
    },
    get issuedCount() {
      return auth.issuedCount;
    },
    get active() {
      const expiresAt = auth.expiresAt;
      return expiresAt !== undefined && expiresAt.getTime() > Date.now();
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
