import {
  type AnyOperation,
  assembleProvider,
  type CallOptions,
  type CoreOptions,
  checkBaseUrl,
  defineOperation,
  hideInternals,
  type PaymentsError,
  type Result,
  readEnvironment,
  runOperation,
  validateInput,
} from '@payweave/core';
import * as z from 'zod/mini';
import {
  LEADCONNECTOR_PACKAGE,
  LEADCONNECTOR_PACKAGE_VERSION,
  LEADCONNECTOR_PROVIDER,
} from '../../leadconnector-constants.js';
import { mapLeadConnectorError } from '../../leadconnector-errors.js';
import {
  paymentCapturedInput,
  subscriptionChargedInput,
  subscriptionStartedInput,
  subscriptionUpdatedInput,
  toEventBody,
} from './event-schemas.js';
import type {
  CustomProviderEvent,
  CustomProviderEventName,
  CustomProviderEventReceipt,
} from './event-types.js';

/** Where a custom provider posts its events: HighLevel's `backend` host (not the API host). */
export const LEADCONNECTOR_CUSTOM_PROVIDER_WEBHOOK_BASE_URL = 'https://backend.leadconnectorhq.com';

const path = '/payments/custom-provider/webhook';
const docsUrl = 'https://marketplace.gohighlevel.com/docs/marketplace-modules/Payments/index.html';

function eventOperation<const Id extends string, In extends Record<string, unknown>, Shape>(
  id: Id,
  event: CustomProviderEventName,
  input: z.ZodMiniType<In, Shape>,
) {
  return defineOperation({
    id,
    method: 'POST',
    path,
    summary: `Post a ${event} event to HighLevel (custom payment provider webhook).`,
    description:
      'Authenticated by the apiKey in the body (redacted from logs and errors). Money is sent as the decimal amount × 100, times as unix seconds. A 2xx only acknowledges receipt.',
    input,
    retry: 'safe',
    auth: 'none',
    docsUrl,
    toRequest: (value: In) => ({ path, json: toEventBody(event, value as never) }),
    fromResponse: (body: unknown, _input: In, response): CustomProviderEventReceipt => ({
      event,
      httpStatus: response.status,
      body,
    }),
  });
}

/**
 * The provider → HighLevel events as operations (data): one per documented event, all posting
 * to `POST /payments/custom-provider/webhook` with `auth: 'none'` (the api key is in the body).
 *
 * @example
 * ```ts
 * for (const operation of Object.values(customProviderEventOperations)) console.log(operation.id);
 * ```
 */
export const customProviderEventOperations = {
  paymentCaptured: eventOperation(
    'leadconnector.customProviderEvents.paymentCaptured',
    'payment.captured',
    paymentCapturedInput,
  ),
  subscriptionUpdated: eventOperation(
    'leadconnector.customProviderEvents.subscriptionUpdated',
    'subscription.updated',
    subscriptionUpdatedInput,
  ),
  subscriptionTrialing: eventOperation(
    'leadconnector.customProviderEvents.subscriptionTrialing',
    'subscription.trialing',
    subscriptionStartedInput,
  ),
  subscriptionActive: eventOperation(
    'leadconnector.customProviderEvents.subscriptionActive',
    'subscription.active',
    subscriptionStartedInput,
  ),
  subscriptionCharged: eventOperation(
    'leadconnector.customProviderEvents.subscriptionCharged',
    'subscription.charged',
    subscriptionChargedInput,
  ),
} as const;

const byEvent: Readonly<Record<CustomProviderEventName, AnyOperation>> = {
  'payment.captured': customProviderEventOperations.paymentCaptured,
  'subscription.updated': customProviderEventOperations.subscriptionUpdated,
  'subscription.trialing': customProviderEventOperations.subscriptionTrialing,
  'subscription.active': customProviderEventOperations.subscriptionActive,
  'subscription.charged': customProviderEventOperations.subscriptionCharged,
};

const eventNames = Object.keys(byEvent) as [CustomProviderEventName, ...CustomProviderEventName[]];

/**
 * Settings of {@link createCustomProviderEvents}: the core options (timeouts, retries, logger,
 * hooks) and where to post.
 *
 * @example
 * ```ts
 * const settings: CustomProviderEventsSettings = { baseUrl: simulator.url, maxRetries: 4, logger: console };
 * ```
 */
export interface CustomProviderEventsSettings extends CoreOptions {
  /**
   * Base URL (default `https://backend.leadconnectorhq.com`, env
   * `LEADCONNECTOR_CUSTOM_PROVIDER_WEBHOOK_BASE_URL`): https, or http only on loopback (a simulator).
   */
  baseUrl?: string | undefined;
}

/**
 * Posts custom provider events to HighLevel.
 *
 * @example
 * ```ts
 * const events: CustomProviderEventsClient = createCustomProviderEvents();
 * ```
 */
export interface CustomProviderEventsClient {
  /** Where events are posted. */
  readonly baseUrl: string;
  /**
   * Checks the event (a missing or bad field is a `validation` error naming it, and nothing is
   * sent), converts Money to the × 100 integer and times to unix seconds, and posts it. A non-2xx
   * answer is an `Err` with a typed `PaymentsError` (retried first on 408, 429 and 5xx).
   */
  send(
    event: CustomProviderEvent,
    options?: CallOptions,
  ): Promise<Result<CustomProviderEventReceipt, PaymentsError>>;
}

/**
 * Makes a client for the events a custom provider posts to HighLevel (`payment.captured`,
 * `subscription.updated`, `subscription.trialing`, `subscription.active`,
 * `subscription.charged`). Retries, redaction (the body's `apiKey`) and errors come from core.
 * A bad `baseUrl` throws a `configuration` error.
 *
 * @example
 * ```ts
 * import { money } from '@payweave/core';
 * import { createCustomProviderEvents } from '@payweave/leadconnector';
 *
 * const events = createCustomProviderEvents({ logger: console });
 * const sent = await events.send({
 *   event: 'payment.captured',
 *   apiKey: process.env.HL_LIVE_API_KEY!,
 *   locationId: 've9EPM428h8vShlRW1KT',
 *   chargeId: 'ch_123',
 *   ghlTransactionId: '680a923d5b1d2c0f3e4a5b6c',
 *   chargeSnapshot: { status: 'succeeded', amount: money(10000, 'USD'), chargedAt: new Date() },
 * });
 * if (sent.isErr()) console.error(sent.error.code, sent.error.fieldErrors);
 * ```
 */
export function createCustomProviderEvents(
  settings: CustomProviderEventsSettings = {},
): CustomProviderEventsClient {
  const { baseUrl: setting, ...options } = settings;
  const fromEnvironment =
    setting === undefined ? readEnvironment('LEADCONNECTOR_CUSTOM_PROVIDER_WEBHOOK_BASE_URL') : undefined;
  const baseUrl = checkBaseUrl(
    LEADCONNECTOR_PROVIDER,
    setting ?? fromEnvironment ?? LEADCONNECTOR_CUSTOM_PROVIDER_WEBHOOK_BASE_URL,
    fromEnvironment === undefined ? 'baseUrl' : 'LEADCONNECTOR_CUSTOM_PROVIDER_WEBHOOK_BASE_URL',
  );
  const { runtime } = assembleProvider(
    {
      id: LEADCONNECTOR_PROVIDER,
      packageName: LEADCONNECTOR_PACKAGE,
      packageVersion: LEADCONNECTOR_PACKAGE_VERSION,
      resources: { customProviderEvents: customProviderEventOperations },
      mapError: mapLeadConnectorError,
      retryAfterHeaders: ['x-ratelimit-interval-milliseconds'],
    },
    { baseUrl, options },
  );
  const eventName = z.strictObject({ event: z.enum(eventNames) });
  const client: CustomProviderEventsClient = {
    baseUrl,
    async send(event, callOptions) {
      const name = (event as { event?: unknown } | undefined)?.event;
      const known = validateInput(
        eventName,
        { event: name },
        {
          provider: LEADCONNECTOR_PROVIDER,
          operation: 'leadconnector.customProviderEvents.send',
        },
      );
      if (known.isErr()) return known;
      const { event: _event, ...input } = event;
      return (await runOperation(runtime, byEvent[known.value.event], input, callOptions)) as Result<
        CustomProviderEventReceipt,
        PaymentsError
      >;
    },
  };
  return hideInternals(client, () => ({ baseUrl }));
}

/**
 * Posts one event with a one-off client: {@link createCustomProviderEvents} then `send`. Make a
 * client once when you send many.
 *
 * @example
 * ```ts
 * const sent = await sendCustomProviderEvent({
 *   event: 'subscription.charged', apiKey, locationId, chargeId: 'ch_2', ghlSubscriptionId: 'hl_sub_1',
 *   subscriptionSnapshot: { id: 'sub_1', status: 'active', nextCharge: new Date('2026-03-01') },
 *   chargeSnapshot: { status: 'succeeded', amount: money(8000, 'USD'), chargedAt: new Date() },
 * });
 * ```
 */
export function sendCustomProviderEvent(
  event: CustomProviderEvent,
  settings: CustomProviderEventsSettings = {},
  options?: CallOptions,
): Promise<Result<CustomProviderEventReceipt, PaymentsError>> {
  return createCustomProviderEvents(settings).send(event, options);
}
