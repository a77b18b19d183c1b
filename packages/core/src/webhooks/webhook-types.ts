import type { Result } from 'ts-results-es';
import type { PaymentsError } from '../errors/payments-error.js';

/**
 * The body exactly as it arrived: the bytes (`Uint8Array`, `ArrayBuffer`, Node's `Buffer`) or
 * the text decoded from them. A parsed object is refused: a signature covers bytes, and a
 * framework that parsed the body has already lost them.
 */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/**
 * The request headers: a fetch `Headers`, or a plain object as Node's `req.headers` gives
 * (names in any case; a value may be a list when a header was sent twice).
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** What every verified webhook event carries, whichever provider sent it. */
export interface WebhookEventBase {
  /** Provider id (`leadconnector`, `paya`). */
  readonly provider: string;
  /** The provider's event name (`OrderStatusUpdate`, `transaction.CREATE`). */
  readonly type: string;
  /**
   * The delivery's identity for dedupe: the provider's delivery id when it sends one, else a
   * key derived from the record (a redelivery of the same event gets the same key).
   */
  readonly deliveryId: string;
}

/** Options every receiver's `unwrap` takes per call. */
export interface UnwrapOptions {
  /** The time to check timestamps against (tests); defaults to `Date.now()`. */
  readonly nowMs?: number | undefined;
  /** Skip the dedupe claim for this call (a replay tool re-processing on purpose). */
  readonly skipDedupe?: boolean | undefined;
  /**
   * The event this delivery is, for providers whose bodies do not always name it (HighLevel's
   * invoice, product and price bodies): usually known from the URL it came to. A name in the
   * body wins.
   */
  readonly eventType?: string | undefined;
}

/**
 * Verifies and parses one provider's deliveries. `unwrap` never throws: a refused delivery is an
 * `Err` whose code says why (`webhook_signature`, `webhook_stale`, `webhook_duplicate`,
 * `webhook_malformed`).
 */
export interface WebhookReceiver<Event extends WebhookEventBase> {
  /** Provider id. */
  readonly provider: string;
  /** The largest body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /**
   * Verifies the delivery, parses it into a typed event and claims its delivery id. A delivery
   * whose id was already claimed is refused with `webhook_duplicate`.
   */
  unwrap(
    body: WebhookBody,
    headers: WebhookHeaders,
    options?: UnwrapOptions,
  ): Promise<Result<Event, PaymentsError>>;
  /**
   * Gives a delivery's claim back after processing it failed, so the provider's redelivery is
   * accepted. Call it only when nothing of the event was acted on.
   */
  release(event: Event): Promise<void>;
}
