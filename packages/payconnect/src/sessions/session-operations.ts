import { defineOperation, type RequestParts } from '@payweave/core';
import * as z from 'zod/mini';
import { sessionOutput, sessionValidationOutput } from '../invoices/invoice-schemas.js';
import type { PayConnectIssuedSession } from '../invoices/invoice-types.js';
import { type PayConnectRouteTable, payConnectRoutes } from '../routes.js';

/** Reads a UTC expiry; a value without an offset is taken as UTC (PayConnect says "UTC expiry"). */
export function parseUtcExpiry(value: string): Date {
  const text = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`expiresAtUtc "${value}" is not a date`);
  return date;
}

/** Builds the session operations from a route table. */
export function buildSessionOperations(routes: PayConnectRouteTable = payConnectRoutes) {
  const create = defineOperation({
    id: 'payconnect.sessions.create',
    method: routes.createSession.method,
    path: routes.createSession.path,
    summary: 'Exchange the API key for a short-lived session token (used by the client itself).',
    input: z.strictObject({ apiKey: z.string().check(z.minLength(1)) }),
    output: sessionOutput,
    retry: 'safe',
    // The API key is the credential of this call; no session exists yet.
    auth: 'none',
    toRequest: (input): RequestParts => ({
      path: routes.createSession.path,
      headers: { authorization: `Api-Key ${input.apiKey}` },
      json: undefined,
    }),
    fromResponse: (body): PayConnectIssuedSession => ({
      sessionToken: body.sessionToken,
      expiresAt: parseUtcExpiry(body.expiresAtUtc),
    }),
  });

  const validate = defineOperation({
    id: 'payconnect.sessions.validate',
    method: routes.validateSession.method,
    path: routes.validateSession.path,
    summary: 'Check that the current session token is accepted.',
    input: z.strictObject({}),
    output: sessionValidationOutput,
    retry: 'safe',
    toRequest: (): RequestParts => ({ path: routes.validateSession.path }),
  });

  return { create, validate };
}

/** The session operations on the assumed route table. */
export const sessionOperations = buildSessionOperations();

/** The session operations, as built for one route table. */
export type PayConnectSessionOperations = ReturnType<typeof buildSessionOperations>;
