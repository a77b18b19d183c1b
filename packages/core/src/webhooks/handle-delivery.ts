import type { PaymentsError } from '../errors/payments-error.js';
import type { WebhookBody, WebhookEventBase, WebhookHeaders, WebhookReceiver } from './webhook-types.js';

/** What the framework adapters do when your handler throws. */
export interface WebhookHandlerOptions {
  /**
   * `'retry'` (default): give the delivery's claim back and answer 500, so the provider
   * redelivers. `'acknowledge'`: answer 200 with `{"received":true,"processed":false}` and keep
   * the claim (HighLevel's guide asks for this; a receiver that answers errors often can get its
   * webhooks paused), so you must re-read the record yourself.
   */
  readonly onHandlerError?: 'retry' | 'acknowledge' | undefined;
  /** Told about every refused delivery and every handler failure (log it). */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** The status and JSON body a delivery is answered with. */
export interface DeliveryAnswer {
  /** HTTP status. */
  readonly status: number;
  /** JSON body; never quotes the delivery or a secret. */
  readonly body: Readonly<Record<string, unknown>>;
}

const statusOf: Partial<Record<PaymentsError['code'], number>> = {
  webhook_signature: 401,
  webhook_stale: 400,
  webhook_malformed: 400,
  webhook_duplicate: 200,
  provider_unavailable: 503,
  // The receiver is misconfigured (a wrong key format): our fault, and the provider should redeliver once fixed.
  configuration: 500,
};

/**
 * The answer for a refused delivery: 401 unsigned or wrongly signed, 400 stale or malformed
 * (too large included), 503 when the dedupe store is down and 500 when the receiver is
 * misconfigured (the provider redelivers either way), 200 for a
 * duplicate (it was processed; a non-2xx would only make the provider send it again).
 */
export function answerForError(error: PaymentsError): DeliveryAnswer {
  if (error.code === 'webhook_duplicate') return { status: 200, body: { received: true, duplicate: true } };
  return { status: statusOf[error.code] ?? 400, body: { received: false, error: error.code } };
}

/**
 * Unwraps one delivery, runs `onEvent` on the event, and says what to answer. The dedupe claim
 * is given back when the handler fails (unless acknowledged), so a redelivery is processed.
 */
export async function handleDelivery<Event extends WebhookEventBase>(
  receiver: WebhookReceiver<Event>,
  body: WebhookBody,
  headers: WebhookHeaders,
  onEvent: (event: Event) => unknown,
  options: WebhookHandlerOptions = {},
): Promise<DeliveryAnswer> {
  const result = await receiver.unwrap(body, headers);
  if (result.isErr()) {
    options.onError?.(result.error);
    return answerForError(result.error);
  }
  try {
    await onEvent(result.value);
    return { status: 200, body: { received: true } };
  } catch (error) {
    options.onError?.(error);
    if (options.onHandlerError === 'acknowledge')
      return { status: 200, body: { received: true, processed: false } };
    await receiver.release(result.value).catch(() => undefined);
    return { status: 500, body: { received: true, processed: false } };
  }
}
