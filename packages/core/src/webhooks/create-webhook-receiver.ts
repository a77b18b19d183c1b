import { Err, Ok, type Result } from 'ts-results-es';
import { isPaymentsError, type PaymentsError } from '../errors/payments-error.js';
import type { DedupeStore } from './dedupe-store.js';
import { memoryDedupeStore } from './dedupe-store.js';
import { defaultWebhookMaxBodyBytes, type RawBody, readRawBody } from './raw-body.js';
import { webhookError } from './webhook-error.js';
import type { UnwrapOptions, WebhookEventBase, WebhookHeaders, WebhookReceiver } from './webhook-types.js';

/** How long a claimed delivery id is remembered by default: 3 days (providers retry for hours). */
export const defaultDedupeTtlMs = 3 * 24 * 60 * 60 * 1000;

/** Dedupe settings every receiver takes. */
export interface WebhookDedupeOptions {
  /**
   * Where delivery ids are claimed: a memory store by default (one per receiver), a shared store
   * (`@payweave/redis`) for many instances, or `false` to turn dedupe off.
   */
  readonly dedupe?: DedupeStore | false | undefined;
  /** How long a claim lasts. Default 3 days. */
  readonly dedupeTtlMs?: number | undefined;
  /** The largest body accepted, in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined;
}

/** What a provider package gives {@link createWebhookReceiver}. */
export interface WebhookReceiverDefinition<Event extends WebhookEventBase> extends WebhookDedupeOptions {
  /** Provider id. */
  readonly provider: string;
  /**
   * Checks the delivery's authenticity and freshness and parses it. Only called with a body
   * that is bytes, within the size cap and valid UTF-8.
   */
  readonly verify: (
    body: RawBody,
    headers: WebhookHeaders,
    nowMs: number,
    options: UnwrapOptions,
  ) => Promise<Result<Event, PaymentsError>>;
}

/**
 * Builds a provider's {@link WebhookReceiver} from its `verify` step: the body checks (bytes,
 * size, UTF-8), the dedupe claim and the never-throw rule are here, once, for every provider.
 */
export function createWebhookReceiver<Event extends WebhookEventBase>(
  definition: WebhookReceiverDefinition<Event>,
): WebhookReceiver<Event> {
  const { provider } = definition;
  const maxBodyBytes = definition.maxBodyBytes ?? defaultWebhookMaxBodyBytes;
  const store = definition.dedupe === false ? undefined : (definition.dedupe ?? memoryDedupeStore());
  const ttlMs = definition.dedupeTtlMs ?? defaultDedupeTtlMs;
  const keyOf = (event: Event) => `${provider}:${event.deliveryId}`;

  async function unwrap(
    body: unknown,
    headers: WebhookHeaders,
    options: UnwrapOptions = {},
  ): Promise<Result<Event, PaymentsError>> {
    const raw = readRawBody(body, maxBodyBytes);
    if ('problem' in raw) return Err(webhookError(provider, raw.code, raw.problem));
    if (headers === null || typeof headers !== 'object') {
      return Err(
        webhookError(provider, 'webhook_signature', 'no headers were given: the signature travels in them'),
      );
    }
    let verified: Result<Event, PaymentsError>;
    try {
      verified = await definition.verify(raw, headers, options.nowMs ?? Date.now(), options);
    } catch (cause) {
      if (isPaymentsError(cause)) return Err(cause);
      // The thrown error is not kept: a JSON.parse SyntaxError quotes the body, card data included.
      const kind = cause instanceof Error ? ` (${cause.name})` : '';
      return Err(webhookError(provider, 'webhook_malformed', `the delivery could not be read${kind}`));
    }
    if (verified.isErr() || store === undefined || options.skipDedupe === true) return verified;
    const event = verified.value;
    try {
      if (!(await store.claim(keyOf(event), ttlMs))) {
        return Err(
          webhookError(provider, 'webhook_duplicate', `delivery ${event.deliveryId} was already received`),
        );
      }
    } catch (cause) {
      return Err(
        webhookError(
          provider,
          'provider_unavailable',
          'the dedupe store failed; answer 5xx so the provider redelivers',
          {
            retryable: true,
            cause,
          },
        ),
      );
    }
    return Ok(event);
  }

  return {
    provider,
    maxBodyBytes,
    unwrap: unwrap as WebhookReceiver<Event>['unwrap'],
    async release(event) {
      if (store !== undefined) await store.release(keyOf(event));
    },
  };
}
