import {
  defaultWebhookMaxBodyBytes,
  type Logger,
  memoryOutcomeStore,
  type OutcomeStore,
  PaymentsError,
  Redactor,
  readRawBody,
  readRequestBytes,
  silentLogger,
} from '@payweave/core';
import { isQueryType, parseQuery } from './parse-query.js';
import type {
  CancelSubscriptionQuery,
  ChargeOutcome,
  ChargePaymentQuery,
  CreateSubscriptionOutcome,
  CreateSubscriptionQuery,
  CustomProviderAccount,
  CustomProviderApiKeys,
  CustomProviderPaymentMethod,
  CustomProviderQuery,
  CustomProviderQueryType,
  ListPaymentMethodsQuery,
  RefundOutcome,
  RefundQuery,
  VerifyOutcome,
  VerifyQuery,
} from './query-types.js';
import { apiKeyResolver } from './resolve-api-key.js';
import {
  type Answer,
  cancelAnswer,
  chargeAnswer,
  createSubscriptionAnswer,
  failure,
  handlerFailure,
  listAnswer,
  outcomeProblem,
  refundAnswer,
  verifyAnswer,
} from './responses.js';
import {
  type CustomProviderIdempotencyOptions,
  createRunOnce,
  onceSettings,
  type RunResult,
} from './run-once.js';
import type { ChargeSnapshotAmountUnit } from './wire-values.js';

type MaybePromise<T> = T | Promise<T>;

/**
 * What {@link createCustomProviderHandler} takes: how to recognise HighLevel's api keys, one
 * function per `queryUrl` request type, and the kit's settings. Each function gets a typed
 * request (amounts as Money) and returns an outcome; the kit writes HighLevel's answer.
 * Throwing is answered as a failure and logged (redacted): return `failed` / `pending`
 * outcomes for declines and slow gateways instead.
 *
 * @example
 * ```ts
 * const options: CustomProviderHandlerOptions = {
 *   apiKeys: { [process.env.HL_TEST_API_KEY!]: { locationId, mode: 'test' } },
 *   verify: async (query) => ((await gateway.retrieve(query.chargeId!)).paid ? { status: 'succeeded' } : { status: 'pending' }),
 *   listPaymentMethods: async (query) => [],
 *   chargePayment: async (query) => ({ status: 'failed', message: 'Off-session charges are not enabled' }),
 *   refund: async (query) => ({ status: 'failed', message: 'Refund by hand' }),
 * };
 * ```
 */
export interface CustomProviderHandlerOptions {
  /** The api keys you connected (`customProviders.connect`), with their location and mode. */
  readonly apiKeys: CustomProviderApiKeys;
  /** `verify`: did the payment the iframe reported go through? */
  readonly verify: (query: VerifyQuery) => MaybePromise<VerifyOutcome>;
  /** `list_payment_methods`: a contact's saved methods. */
  readonly listPaymentMethods: (
    query: ListPaymentMethodsQuery,
  ) => MaybePromise<readonly CustomProviderPaymentMethod[]>;
  /** `charge_payment`: charge a saved method. Called once per HighLevel transaction id. */
  readonly chargePayment: (query: ChargePaymentQuery) => MaybePromise<ChargeOutcome>;
  /** `create_subscription` (with subscription schedules enabled); without it the call is answered 501. Called once per HighLevel subscription id. */
  readonly createSubscription?:
    | ((query: CreateSubscriptionQuery) => MaybePromise<CreateSubscriptionOutcome>)
    | undefined;
  /** `cancel_subscription`; without it the call is answered 501. Resolving (with anything) means canceled; throw to report a failure. */
  readonly cancelSubscription?: ((query: CancelSubscriptionQuery) => unknown) | undefined;
  /** `refund`: refund all or part of a charge (never deduplicated: partial refunds add up). */
  readonly refund: (query: RefundQuery) => MaybePromise<RefundOutcome>;
  /** Where failures are reported (handler errors, unknown keys, store trouble); silent by default. Lines never hold the api key or card data. */
  readonly logger?: Logger | undefined;
  /** Where charge outcomes are kept for repeats (default: {@link memoryOutcomeStore} in this process; share one, e.g. `@payweave/redis`, across instances). */
  readonly store?: OutcomeStore | undefined;
  /** The unit of `chargeSnapshot.amount` in answers (default `minor`: the decimal amount × 100). */
  readonly chargeSnapshotAmountUnit?: ChargeSnapshotAmountUnit | undefined;
  /** The largest request body read (default 1 MiB); a larger one is answered 413. */
  readonly maxBodyBytes?: number | undefined;
  /** Leases, outcome lifetime and wait of the idempotent charge. */
  readonly idempotency?: CustomProviderIdempotencyOptions | undefined;
}

/**
 * A `queryUrl` endpoint as a fetch-style function (Hono, Next.js route handlers, Cloudflare
 * Workers, Deno, Bun); `toNodeHandler` adapts it to Node (`node:http`, Express, Fastify).
 *
 * @example
 * ```ts
 * const handler: CustomProviderHandler = createCustomProviderHandler(options);
 * export const POST = handler; // Next.js app/api/highlevel/query/route.ts
 * ```
 */
export type CustomProviderHandler = ((request: Request) => Promise<Response>) & {
  /** The largest request body read, in bytes. */
  readonly maxBodyBytes: number;
};

const jsonType = /^application\/(?:[\w.+-]+\+)?json$/;

function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  return jsonType.test((value.split(';', 1)[0] ?? '').trim().toLowerCase());
}

function toResponse(answer: Answer): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  };
  if (answer.status === 405) headers.allow = 'POST';
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

/** The longest api key looked up (generated keys are a few dozen characters). */
const maxApiKeyLength = 1024;

const printable = (value: string) => value.replace(/[^\w.:-]/g, '?').slice(0, 64);

/**
 * Serves HighLevel's `queryUrl` calls for a custom payment provider: checks the `apiKey` in the
 * body against your keys in constant time (401 otherwise), reads each `type` into a typed
 * request with amounts as Money, calls your function and writes exactly the body HighLevel
 * expects (`verify` → `{success:true}` / `{failed:true}` / `{success:false}`,
 * `list_payment_methods` → an array, `charge_payment` → `{success, failed, chargeId, message,
 * chargeSnapshot}`, `create_subscription`, `cancel_subscription` → `{status:"canceled"}`,
 * `refund` → `{success, message, id, amount, currency}`). A charge is idempotent per HighLevel
 * transaction id: a repeat, even a concurrent one, gets the first answer and never charges
 * again (a declined charge included). Unknown types, bad JSON, a wrong content type or a body
 * over the cap get a JSON error `{success:false, error, message}`; it never throws.
 *
 * @example
 * ```ts
 * import { createCustomProviderHandler, toNodeHandler } from '@payweave/leadconnector';
 * import { money } from '@payweave/core';
 *
 * const handler = createCustomProviderHandler({
 *   apiKeys: { [process.env.HL_LIVE_API_KEY!]: { locationId: 've9EPM428h8vShlRW1KT', mode: 'live' } },
 *   verify: async ({ chargeId }) => ((await gateway.retrieve(chargeId!)).paid ? { status: 'succeeded' } : { status: 'pending' }),
 *   listPaymentMethods: async ({ contactId }) =>
 *     (await gateway.cards(contactId)).map((card) => ({ id: card.id, type: 'card', title: card.brand, subTitle: card.last4 })),
 *   chargePayment: async ({ paymentMethodId, amount, transactionId }) => {
 *     const sale = await gateway.sale(paymentMethodId, amount, transactionId);
 *     return sale.approved ? { status: 'succeeded', chargeId: sale.id } : { status: 'failed', message: sale.reason };
 *   },
 *   refund: async ({ chargeId, amountIn }) => {
 *     const charge = await gateway.retrieve(chargeId);
 *     const refund = await gateway.refund(chargeId, amountIn(charge.currency));
 *     return { status: 'succeeded', id: refund.id, amount: money(refund.amountMinor, charge.currency) };
 *   },
 *   logger: console,
 * });
 * app.post('/highlevel/query', toNodeHandler(handler));
 * ```
 */
export function createCustomProviderHandler(options: CustomProviderHandlerOptions): CustomProviderHandler {
  for (const name of ['verify', 'listPaymentMethods', 'chargePayment', 'refund'] as const) {
    if (typeof options[name] !== 'function') {
      throw new TypeError(`createCustomProviderHandler: ${name} must be a function`);
    }
  }
  const resolve = apiKeyResolver(options.apiKeys);
  const logger = options.logger ?? silentLogger;
  const unit = options.chargeSnapshotAmountUnit ?? 'minor';
  if (unit !== 'minor' && unit !== 'major') {
    throw new TypeError('createCustomProviderHandler: chargeSnapshotAmountUnit must be "minor" or "major"');
  }
  const maxBodyBytes = options.maxBodyBytes ?? defaultWebhookMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new RangeError('createCustomProviderHandler: maxBodyBytes must be a positive integer');
  }
  const runOnce = createRunOnce(
    options.store ?? memoryOutcomeStore(),
    onceSettings(options.idempotency),
    logger,
  );
  // Field names (cardNumber, accountNumber, apiKey, …) and card-like digit runs are scrubbed.
  const redactor = new Redactor();

  const run = async (
    type: CustomProviderQueryType,
    query: CustomProviderQuery,
    apiKey: string,
    call: () => MaybePromise<unknown>,
    write: (outcome: never) => Answer,
  ): Promise<RunResult> => {
    try {
      const outcome = await call();
      const problem = outcomeProblem(type, outcome);
      if (problem !== undefined) {
        logger.error(`leadconnector custom provider: the ${type} handler returned an unusable outcome`, {
          type,
          locationId: query.account.locationId,
          mode: query.account.mode,
          problem: redactor.text(problem, [apiKey]),
        });
        return { answer: handlerFailure(type), keep: false };
      }
      return { answer: write(outcome as never), keep: true };
    } catch (error) {
      logger.error(`leadconnector custom provider: the ${type} handler threw`, {
        type,
        locationId: query.account.locationId,
        mode: query.account.mode,
        error: redactor.text(
          error instanceof Error ? `${error.name}: ${error.message}` : `a thrown ${typeof error}`,
          [apiKey],
        ),
      });
      return { answer: handlerFailure(type), keep: false };
    }
  };

  const dispatch = async (query: CustomProviderQuery, apiKey: string): Promise<Answer> => {
    const scope = `${query.account.locationId}:${query.account.mode}`;
    switch (query.type) {
      case 'verify':
        return (
          await run(
            query.type,
            query,
            apiKey,
            () => options.verify(query),
            (outcome: VerifyOutcome) => verifyAnswer(outcome, unit),
          )
        ).answer;
      case 'list_payment_methods':
        return (await run(query.type, query, apiKey, () => options.listPaymentMethods(query), listAnswer))
          .answer;
      case 'charge_payment': {
        const fingerprint = JSON.stringify([
          query.paymentMethodId,
          query.contactId,
          query.amount.amountMinor,
          query.amount.currency,
        ]);
        return runOnce(`leadconnector:charge:${scope}:${query.transactionId}`, fingerprint, () =>
          run(
            query.type,
            query,
            apiKey,
            () => options.chargePayment(query),
            (outcome: ChargeOutcome) => chargeAnswer(outcome, query.amount, unit),
          ),
        );
      }
      case 'create_subscription': {
        const create = options.createSubscription;
        if (!create) return notImplemented(query.type);
        const fingerprint = JSON.stringify([
          query.paymentMethodId,
          query.contactId,
          query.amount.amountMinor,
          query.recurringAmount.amountMinor,
          query.amount.currency,
          query.startDate,
        ]);
        return runOnce(`leadconnector:subscription:${scope}:${query.subscriptionId}`, fingerprint, () =>
          run(
            query.type,
            query,
            apiKey,
            () => create(query),
            (outcome: CreateSubscriptionOutcome) => createSubscriptionAnswer(outcome, unit),
          ),
        );
      }
      case 'cancel_subscription': {
        const cancel = options.cancelSubscription;
        if (!cancel) return notImplemented(query.type);
        return (await run(query.type, query, apiKey, () => cancel(query), cancelAnswer)).answer;
      }
      case 'refund':
        return (await run(query.type, query, apiKey, () => options.refund(query), refundAnswer)).answer;
    }
  };

  const notImplemented = (type: CustomProviderQueryType) =>
    failure(501, 'not_implemented', `This payment provider does not support ${type}.`);

  const answer = async (request: Request): Promise<Answer> => {
    if (request.method !== 'POST') {
      return failure(405, 'method_not_allowed', 'HighLevel calls the queryUrl with POST.');
    }
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return failure(
        415,
        'unsupported_media_type',
        'The body must be JSON (Content-Type: application/json).',
      );
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readRequestBytes(request, maxBodyBytes);
    } catch {
      return failure(400, 'malformed_json', 'The body could not be read.');
    }
    if (bytes === undefined) {
      return failure(413, 'payload_too_large', `The body is larger than ${maxBodyBytes} bytes.`);
    }
    const raw = readRawBody(bytes, maxBodyBytes);
    if (!('text' in raw)) return failure(400, 'malformed_json', 'The body is not UTF-8 JSON.');
    let body: unknown;
    try {
      body = JSON.parse(raw.text);
    } catch {
      return failure(400, 'malformed_json', 'The body is not valid JSON.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return failure(400, 'invalid_request', 'The body must be a JSON object.');
    }
    const fields = body as Record<string, unknown>;
    // The key is checked before anything else is read, so a caller without one learns nothing.
    const apiKey = fields.apiKey;
    let account: CustomProviderAccount | undefined;
    // A key longer than any real one is refused unread: comparing a 1 MB guess against every stored key would be a cheap way to burn CPU.
    if (typeof apiKey === 'string' && apiKey !== '' && apiKey.length <= maxApiKeyLength) {
      try {
        account = await resolve(apiKey);
      } catch (error) {
        logger.error('leadconnector custom provider: the apiKeys lookup failed', {
          error: redactor.text(error instanceof Error ? error.message : typeof error, [apiKey]),
        });
        return failure(503, 'store_unavailable', 'The payment provider is unavailable; retry later.');
      }
    }
    if (account === undefined || typeof apiKey !== 'string') {
      logger.warn('leadconnector custom provider: a queryUrl call with a missing or unknown apiKey', {
        type: typeof fields.type === 'string' ? printable(fields.type) : undefined,
      });
      return failure(401, 'unauthorized', 'The apiKey is missing or not recognised.');
    }
    const type = fields.type;
    if (typeof type !== 'string' || type === '') {
      return failure(400, 'invalid_request', 'The body has no type.', { fields: { type: ['is required'] } });
    }
    if (!isQueryType(type)) {
      logger.warn('leadconnector custom provider: a queryUrl call of a type the kit does not know', {
        type: printable(type),
      });
      return failure(501, 'unsupported_type', `This payment provider does not support "${printable(type)}".`);
    }
    const query = parseQuery(type, fields, account);
    if (query instanceof PaymentsError) {
      return failure(400, 'invalid_request', redactor.text(query.message, [apiKey]), {
        fields: redactor.value(query.fieldErrors ?? {}, [apiKey]),
      });
    }
    const answered = await dispatch(query, apiKey);
    logger.debug('leadconnector custom provider: answered', {
      type,
      status: answered.status,
      locationId: account.locationId,
      mode: account.mode,
    });
    return answered;
  };

  const handler = async (request: Request): Promise<Response> => {
    try {
      return toResponse(await answer(request));
    } catch (error) {
      // Only a bug in the kit gets here; the caller still gets JSON, never a crash.
      logger.error('leadconnector custom provider: the request failed unexpectedly', {
        error: redactor.text(error instanceof Error ? error.message : typeof error),
      });
      return toResponse(failure(500, 'handler_error', 'The payment provider could not process the request.'));
    }
  };
  return Object.assign(handler, { maxBodyBytes });
}
