import {
  type OperationRuntime,
  type PaymentsError,
  type Result,
  runOperation,
  type SessionTokenAuth,
} from '@payweave/core';
import type { PayConnectInvoiceOperations } from './invoices/invoice-operations.js';
import type { PayConnectSearchPage } from './invoices/invoice-types.js';

/** One step of {@link PayConnectConnectionReport}. */
export interface PayConnectConnectionCheck {
  /** Whether the step worked. */
  readonly ok: boolean;
  /** Why it did not (credential-free). */
  readonly error?: PaymentsError | undefined;
}

/** What `testConnection()` found: whether the key yields a session and the session reaches invoices. */
export interface PayConnectConnectionReport {
  /** Both steps worked. */
  readonly ok: boolean;
  /** The API key was exchanged for a new session token. */
  readonly session: PayConnectConnectionCheck & { readonly expiresAt?: Date | undefined };
  /** A one-row invoice search with that session. */
  readonly search: PayConnectConnectionCheck & { readonly totalCount?: number | undefined };
}

/**
 * The seed's connection test: create a session from the API key, then run a one-row invoice
 * search with it. Never rejects; each step says what worked and what did not.
 */
export async function testPayConnectConnection(
  runtime: OperationRuntime,
  auth: SessionTokenAuth,
  operations: PayConnectInvoiceOperations,
): Promise<PayConnectConnectionReport> {
  // A fresh session proves the key works now, not that an old token is still cached.
  auth.invalidate();
  let session: PayConnectConnectionReport['session'];
  try {
    await auth.authorize();
    session = { ok: true, expiresAt: auth.expiresAt };
  } catch (error) {
    session = { ok: false, error: error as PaymentsError };
  }
  if (!session.ok) return { ok: false, session, search: { ok: false } };
  const searched = (await runOperation(
    runtime,
    operations.search,
    { page: 1, pageSize: 1 },
    { maxRetries: 0 },
  )) as Result<PayConnectSearchPage, PaymentsError>;
  const search = searched.isOk()
    ? { ok: true, totalCount: searched.value.pagination?.totalCount }
    : { ok: false, error: searched.error };
  return { ok: search.ok, session, search };
}
