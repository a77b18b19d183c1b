import { type ConnectFiSettings, createConnectFi } from '@payweave/connectfi';
import type { CoreOptions } from '@payweave/core';
import { createLeadConnector, type LeadConnectorSettings } from '@payweave/leadconnector';
import { createPaya, type PayaSettings } from '@payweave/paya';
import { createPayConnect, type PayConnectSettings } from '@payweave/payconnect';
import { type Handler, sendJson, type TestServer } from './servers.js';

/** The two transports every case runs on: Node's http module (default) and the global fetch. */
export type Transport = 'auto' | 'fetch';
export const transports: { transport: Transport }[] = [{ transport: 'auto' }, { transport: 'fetch' }];

/** Small limits keep the suite fast; vitest timeouts are the only time bound asserted. */
export const limits = {
  timeoutMs: 300,
  backoffBaseMs: 1,
  backoffMaxMs: 5,
  deadlineMs: 3000,
  maxRetries: 2,
} as const;

/** Options this suite passes that the old core may not declare yet (`maxResponseBytes`). */
export type Extra = Partial<CoreOptions> & { maxResponseBytes?: number } & Record<string, unknown>;

/** Every credential and sensitive value the suite sends; none may come back out. */
export const secret = {
  payaApiKey: 'pk_attack_Q7vX2mZ9rT4wY1',
  cardNumber: '5454545454545454',
  cvv: '6937',
  bankAccount: '2079951060953',
  routing: '072000326',
  connectFiPassword: 'cfiPass_Attack_9fK2Lw',
  connectFiToken: 'cfiTok_Attack_7Hq2mX9LpZ',
  lcClientSecret: 'lcSecret_Attack_Wm3Zr8Qa',
  lcRefreshToken: 'lcRefresh_Attack_0_Kp4Xw9',
  lcAccessToken: 'lcAccess_Attack_Tn5Vb2Hs',
  payConnectApiKey: 'pcKey_Attack_5Tn8Lq2',
  payConnectSession: 'pcSess_Attack_3Rf6Yh8',
} as const;

export const allSecrets: readonly string[] = Object.values(secret);

export const payaUserId = 'attack-user-1';
export const payaDeveloperId = 'attack-dev-1';
export const payaLocationId = '11e95f8ec39de8fbdb0a4f1a';
export const connectFiLogin = 'ATTACK_CLIENT';
export const lcClientId = 'attack-client-id';
export const lcLocationId = 'loc_attack_1';

/** A keyed card sale input. */
export function cardSale(extra: Record<string, unknown> = {}) {
  return {
    location_id: payaLocationId,
    transaction_amount: '10.00',
    account_number: secret.cardNumber,
    exp_date: '1230',
    cvv: secret.cvv,
    ...extra,
  };
}

export function payaClient(server: TestServer, transport: Transport, extra: Extra = {}) {
  return createPaya({
    baseUrl: server.origin,
    userId: payaUserId,
    userApiKey: secret.payaApiKey,
    developerId: payaDeveloperId,
    transport,
    ...limits,
    ...extra,
  } as PayaSettings);
}

export function connectFiClient(server: TestServer, transport: Transport, extra: Extra = {}) {
  return createConnectFi({
    baseUrl: server.origin,
    login: connectFiLogin,
    password: secret.connectFiPassword,
    transport,
    ...limits,
    ...extra,
  } as ConnectFiSettings);
}

/** A LeadConnector client with a static access token; the limiter is off unless `extra` turns it on. */
export function leadConnectorClient(server: TestServer, transport: Transport, extra: Extra = {}) {
  return createLeadConnector({
    baseUrl: server.origin,
    accessToken: secret.lcAccessToken,
    locationId: lcLocationId,
    rateLimit: false,
    transport,
    ...limits,
    ...extra,
  } as LeadConnectorSettings);
}

/** A LeadConnector client that must refresh before its first call (no access token yet). */
export function leadConnectorOAuthClient(
  server: TestServer,
  transport: Transport,
  oauth: Partial<NonNullable<LeadConnectorSettings['oauth']>> = {},
  extra: Extra = {},
) {
  return createLeadConnector({
    baseUrl: server.origin,
    oauth: {
      clientId: lcClientId,
      clientSecret: secret.lcClientSecret,
      refreshToken: secret.lcRefreshToken,
      ...oauth,
    },
    locationId: lcLocationId,
    rateLimit: false,
    transport,
    ...limits,
    ...extra,
  } as LeadConnectorSettings);
}

export function payConnectClient(server: TestServer, transport: Transport, extra: Extra = {}) {
  return createPayConnect({
    baseUrl: server.origin,
    apiKey: secret.payConnectApiKey,
    transport,
    ...limits,
    ...extra,
  } as PayConnectSettings);
}

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** connectFi login answer (`POST /auth/get-token`). */
export const connectFiLogin200: Handler = (_request, response) =>
  sendJson(response, 200, {
    code: '0',
    data: { token: secret.connectFiToken, dtsExpireAt: inADay() },
    requestId: 'login-1',
  });

/** PayConnect session answer (`POST /v2/sessions`). */
export const payConnectSession200: Handler = (_request, response) =>
  sendJson(response, 200, { sessionToken: secret.payConnectSession, expiresAtUtc: inADay() });

/** A Paya transaction record as the provider returns it. */
export function payaTransaction(overrides: Record<string, unknown> = {}) {
  return {
    id: '11eb0000aaaabbbbccccdddd',
    payment_method: 'cc',
    status_id: 101,
    type_id: 20,
    reason_code_id: 1000,
    transaction_amount: '10.00',
    location_id: payaLocationId,
    transaction_api_id: null,
    verbiage: 'APPROVED',
    ...overrides,
  };
}

/** A Paya transaction list page. */
export function payaList(records: unknown[], pageCount = 1, totalCount = records.length) {
  return {
    transactions: records,
    meta: { pagination: { totalCount, pageCount, currentPage: 1, perPage: 10 } },
  };
}

/** A connectFi payment link as `set-status` returns it. */
export function connectFiPayment(overrides: Record<string, unknown> = {}) {
  return { cFiTransactionId: '29ljhq5Apu1YfdtU3wN7yx', status: 'SentToPay', ...overrides };
}

/** A valid connectFi `setStatus` input. */
export const setStatusInput = {
  cFiTransactionId: '29ljhq5Apu1YfdtU3wN7yx',
  status: 'SentToPay',
  description: 'Set to SentToPay',
} as const;

/** The decoded form body of a request. */
export function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The header each provider's API calls carry (after login / session for connectFi and PayConnect). */
export const credentialHeader = {
  paya: ['user-api-key', secret.payaApiKey],
  leadconnector: ['authorization', `Bearer ${secret.lcAccessToken}`],
  connectfi: ['x-connectfi-token', secret.connectFiToken],
  payconnect: ['authorization', `Bearer ${secret.payConnectSession}`],
} as const satisfies Record<string, readonly [string, string]>;

export type ProviderName = keyof typeof credentialHeader;
