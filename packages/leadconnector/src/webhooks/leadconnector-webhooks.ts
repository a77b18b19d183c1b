import {
  createWebhookReceiver,
  defaultWebhookToleranceMs,
  Err,
  isPaymentsError,
  Ok,
  PaymentsError,
  type Result,
  type UnwrapOptions,
  type WebhookBody,
  type WebhookDedupeOptions,
  type WebhookHeaders,
  type WebhookReceiver,
  webhookError,
} from '@payweave/core';
import type {
  LeadConnectorEvent,
  LeadConnectorEventEnvelope,
  LeadConnectorEventType,
} from './event-types.js';
import { parseJsonBody, toEvent } from './parse-event.js';
import {
  LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY,
  LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY,
} from './published-keys.js';
import { deliveryIdOf, type ReplayWindow, staleProblem, webhookIdOf } from './replay-guard.js';
import { publicKeyDer } from './verification-keys.js';
import { type SignatureKeys, verifyLeadConnectorSignature } from './verify-signature.js';

const provider = 'leadconnector';

/** Settings of the legacy `x-wh-signature` (RSA) check. */
export interface LeadConnectorLegacyRsaOptions {
  /** RSA public keys (SPKI PEM). Default: HighLevel's published key. */
  readonly publicKeys?: readonly string[] | undefined;
  /** From this instant on, RSA-only deliveries are refused again. Default: no deadline. */
  readonly until?: Date | undefined;
}

/** Options of {@link leadConnectorWebhooks}. */
export interface LeadConnectorWebhookOptions extends WebhookDedupeOptions {
  /**
   * Ed25519 public keys (SPKI PEM) for `x-ghl-signature`; a delivery verifying with any of them
   * is accepted, so list the old and the new key while HighLevel rotates. Default: HighLevel's
   * published key ({@link LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY}).
   */
  readonly publicKeys?: readonly string[] | undefined;
  /**
   * Accept deliveries signed only with the legacy `x-wh-signature` (RSA, PKCS#1 v1.5, SHA-256).
   * Off by default: HighLevel stopped sending it on 2026-09-01. `true` uses the published RSA key
   * with no deadline. Even when on, a delivery carrying `x-ghl-signature` is decided by Ed25519
   * alone.
   */
  readonly legacyRsa?: boolean | LeadConnectorLegacyRsaOptions | undefined;
  /**
   * How far the body's `timestamp` may be from now, either way, in ms. Default 5 minutes.
   * `false` turns the check off: HighLevel's manual resend and its retries (for hours) may send
   * the original timestamp, and dedupe on `webhookId` still stops replays.
   */
  readonly toleranceMs?: number | false | undefined;
  /** Refuse bodies without a `timestamp` (the per-event docs do not list it). Default `false`. */
  readonly requireTimestamp?: boolean | undefined;
  /**
   * The event this URL receives, for bodies that do not name theirs: HighLevel's invoice, product
   * and price bodies carry no event name, and price update/delete bodies put the price kind in
   * `type`. Set it on a receiver mounted at a URL subscribed to one event (one receiver per URL,
   * e.g. `/webhooks/highlevel/invoice-paid`). A body whose `type` names a known event wins.
   */
  readonly eventType?: LeadConnectorEventType | (string & {}) | undefined;
}

const configurationError = (detail: string) =>
  new PaymentsError({
    code: 'configuration',
    provider,
    operation: `${provider}.webhooks`,
    message: `${provider}.webhooks: ${detail}`,
  });

function resolveKeys(options: LeadConnectorWebhookOptions): SignatureKeys {
  const ed25519 = options.publicKeys ?? [LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY];
  if (!Array.isArray(ed25519) || ed25519.length === 0) {
    throw configurationError(
      'publicKeys must be a non-empty list of PEM keys: no delivery could ever verify',
    );
  }
  for (const [index, pem] of ed25519.entries()) publicKeyDer(pem, `publicKeys[${index}]`);
  const legacy = options.legacyRsa;
  // Copies: a caller's array changed later must not change what this receiver trusts.
  if (legacy === undefined || legacy === false) {
    return { ed25519: [...ed25519], rsa: undefined, rsaUntilMs: undefined };
  }
  const settings = legacy === true ? {} : legacy;
  const rsa = settings.publicKeys ?? [LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY];
  if (!Array.isArray(rsa) || rsa.length === 0) {
    throw configurationError(
      'legacyRsa.publicKeys must be a non-empty list of PEM keys: no delivery could ever verify',
    );
  }
  for (const [index, pem] of rsa.entries()) publicKeyDer(pem, `legacyRsa.publicKeys[${index}]`);
  const until = settings.until;
  if (until !== undefined && !(until instanceof Date && Number.isFinite(until.getTime()))) {
    throw configurationError('legacyRsa.until is not a valid Date');
  }
  return { ed25519: [...ed25519], rsa: [...rsa], rsaUntilMs: until?.getTime() };
}

function resolveWindow(options: LeadConnectorWebhookOptions): ReplayWindow {
  const toleranceMs = options.toleranceMs ?? defaultWebhookToleranceMs;
  if (
    toleranceMs !== false &&
    !(typeof toleranceMs === 'number' && Number.isFinite(toleranceMs) && toleranceMs >= 0)
  ) {
    throw configurationError('toleranceMs must be a number of ms (0 or more) or false');
  }
  return { toleranceMs, requireTimestamp: options.requireTimestamp === true };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A receiver for HighLevel's signed marketplace webhooks. `unwrap` checks the signature over the
 * raw body (Ed25519 `x-ghl-signature`; legacy RSA `x-wh-signature` only when `legacyRsa` is on),
 * the body's `timestamp` against a window, and claims `webhookId` (or a hash of the body) in the
 * dedupe store, then parses the body into a typed {@link LeadConnectorEvent}. It runs on
 * WebCrypto only (Node, Deno, Bun, Cloudflare Workers) and never throws: a refused delivery is
 * an `Err` (`webhook_signature`, `webhook_stale`, `webhook_duplicate`, `webhook_malformed`).
 *
 * Mount it with `handleWebhookRequest` (fetch-style) or `handleNodeWebhook` (Express, Fastify,
 * `node:http`) from `@payweave/core`, before any JSON body parser: a parsed body cannot be
 * verified. HighLevel's guide asks for a 2xx even when your processing fails (a URL that fails
 * often gets its webhooks paused), so consider `onHandlerError: 'acknowledge'`.
 *
 * @throws PaymentsError `configuration` when a key is not a PEM, a list is empty, `until` is not
 * a date or `toleranceMs` is negative.
 *
 * @example
 * ```ts
 * import { handleWebhookRequest } from '@payweave/core';
 * import { leadConnectorWebhooks } from '@payweave/leadconnector';
 *
 * const receiver = leadConnectorWebhooks({ dedupe: redisDedupeStore(redis) });
 * export const POST = (request: Request) =>
 *   handleWebhookRequest(receiver, request, async (event) => {
 *     if (event.type === 'OrderStatusUpdate' && event.data.status === 'completed') {
 *       await fulfil(event.data._id);
 *     }
 *   });
 * ```
 *
 * @example
 * ```ts
 * // A URL subscribed only to PriceUpdate: its bodies carry the price kind in `type`.
 * const prices = leadConnectorWebhooks({ eventType: 'PriceUpdate' });
 * app.post('/webhooks/highlevel/price-update', express.raw({ type: '*\/*' }), (req, res) =>
 *   handleNodeWebhook(prices, req, res, (event) => event.type === 'PriceUpdate' && syncPrice(event.data)),
 * );
 * ```
 */
export function leadConnectorWebhooks(
  options: LeadConnectorWebhookOptions = {},
): WebhookReceiver<LeadConnectorEvent> {
  const keys = resolveKeys(options);
  const window = resolveWindow(options);
  const hint = options.eventType;
  return createWebhookReceiver<LeadConnectorEvent>({
    provider,
    dedupe: options.dedupe,
    dedupeTtlMs: options.dedupeTtlMs,
    maxBodyBytes: options.maxBodyBytes,
    async verify(body, headers, nowMs, unwrapOptions): Promise<Result<LeadConnectorEvent, PaymentsError>> {
      const signed = await verifyLeadConnectorSignature(body, headers, keys, nowMs);
      if (signed.isErr()) return signed;
      let parsed: unknown;
      try {
        parsed = parseJsonBody(body.text);
      } catch {
        return Err(webhookError(provider, 'webhook_malformed', 'the body is not JSON'));
      }
      if (!isRecord(parsed)) {
        return Err(webhookError(provider, 'webhook_malformed', 'the body is not a JSON object'));
      }
      const stale = staleProblem(parsed, window, nowMs);
      if (stale !== undefined) return Err(webhookError(provider, 'webhook_stale', stale));
      const webhookId = webhookIdOf(parsed);
      const envelope: LeadConnectorEventEnvelope = {
        provider,
        deliveryId: await deliveryIdOf(parsed, body.bytes),
        ...(webhookId === undefined ? {} : { webhookId }),
        ...(typeof parsed.timestamp === 'string' ? { timestamp: parsed.timestamp } : {}),
        signedForm: signed.value,
        raw: parsed,
      };
      return Ok(toEvent(parsed, envelope, unwrapOptions.eventType ?? hint));
    },
  });
}

/**
 * Verifies and parses one delivery without keeping a receiver: the one-call form of
 * `leadConnectorWebhooks(options).unwrap(rawBody, headers)`. Dedupe is off unless you pass a
 * shared `dedupe` store (a store made per call would never see a duplicate).
 *
 * @example
 * ```ts
 * const result = await unwrapLeadConnectorWebhook(await request.text(), request.headers);
 * if (result.isErr()) return new Response(null, { status: result.error.code === 'webhook_stale' ? 400 : 401 });
 * if (result.value.type === 'INSTALL') await onInstall(result.value.data.locationId);
 * ```
 */
export function unwrapLeadConnectorWebhook(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: LeadConnectorWebhookOptions & UnwrapOptions = {},
): Promise<Result<LeadConnectorEvent, PaymentsError>> {
  let receiver: WebhookReceiver<LeadConnectorEvent>;
  try {
    receiver = leadConnectorWebhooks({ ...options, dedupe: options.dedupe ?? false });
  } catch (error) {
    if (!isPaymentsError(error)) throw error;
    return Promise.resolve(Err(error));
  }
  return receiver.unwrap(rawBody, headers, { nowMs: options.nowMs, skipDedupe: options.skipDedupe });
}
