import {
  Err,
  isPaymentsError,
  type Logger,
  Ok,
  PaymentsError,
  type Result,
  type WebhookHeaders,
  type WebhookReceiver,
} from '@payweave/core';
import type { LeadConnectorEvent, LeadConnectorEventType } from '@payweave/leadconnector';
import type { PayaPostback } from '@payweave/paya';
import { describeValue, isFieldObject } from '../facade-input.js';
import { fromLeadConnectorEvent } from './from-leadconnector-event.js';
import { fromPayaPostback } from './from-paya-postback.js';
import type { UnwrappedWebhook, WebhookProvider } from './unified-webhook-event.js';

/**
 * The receivers `pw.webhooks` verifies with, made by each provider package (so only the
 * receivers you use are in your bundle): `leadConnectorWebhooks(...)` from
 * `@payweave/leadconnector`, `payaPostbacks(...)` from `@payweave/paya`. The same receiver can
 * serve a framework adapter too; its dedupe store is shared.
 */
export interface PayweaveWebhookSettings {
  /** HighLevel marketplace webhooks: `leadConnectorWebhooks(options?)`. */
  readonly leadconnector?: WebhookReceiver<LeadConnectorEvent> | undefined;
  /** Paya postbacks: `payaPostbacks({ basicAuth })`. */
  readonly paya?: WebhookReceiver<PayaPostback> | undefined;
}

/** What `pw.webhooks.unwrap` takes. */
export interface UnwrapWebhookInput<Provider extends WebhookProvider> {
  /** Which provider sent the delivery (route each provider to its own URL). */
  readonly provider: Provider;
  /** The body exactly as received (bytes or text; never a parsed object). */
  readonly rawBody: string | Uint8Array | ArrayBuffer;
  /** The request headers. */
  readonly headers: WebhookHeaders;
  /**
   * HighLevel only: the event a URL receives when its bodies carry no event name (invoice,
   * product and price bodies do not); a name in the body wins.
   */
  readonly eventType?: Provider extends 'leadconnector' ? LeadConnectorEventType | (string & {}) : never;
}

/** The facade's webhook receiver: one `unwrap` for every provider that sends verifiable deliveries. */
export interface PayweaveWebhooks {
  /**
   * Verifies a delivery with the provider's receiver and maps it to a unified event. Never
   * throws: a refused delivery is an `Err` (`webhook_signature`, `webhook_stale`,
   * `webhook_duplicate`, `webhook_malformed`); a provider whose receiver was not given is
   * `configuration`; a provider without verifiable webhooks is `unsupported` (connectFi and
   * PayConnect: see the webhooks guide).
   *
   * @example
   * ```ts
   * const pw = createPayweave({ providers: {}, webhooks: { leadconnector: leadConnectorWebhooks() } });
   * const result = await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody, headers });
   * if (result.isOk() && result.value.unified?.type === 'payment_request.paid') {
   *   await markPaid(result.value.unified.paymentRequest.id);
   * }
   * ```
   */
  unwrap<Provider extends WebhookProvider>(
    input: UnwrapWebhookInput<Provider>,
  ): Promise<Result<UnwrappedWebhook<Provider>, PaymentsError>>;
  /** Gives a delivery's dedupe claim back after processing failed, so the redelivery is accepted. */
  release(delivery: UnwrappedWebhook): Promise<void>;
}

const unverifiable: Readonly<Record<string, string>> = {
  connectfi:
    'connectFi signs no webhook; its one payment-link webhook is an unverified email hand-off (readConnectFiPaymentLinkNotification in @payweave/connectfi): poll paymentLinks.list',
  payconnect: 'PayConnect documents no webhooks: poll invoices',
};

const factories: Readonly<Record<WebhookProvider, string>> = {
  leadconnector: 'leadConnectorWebhooks() from @payweave/leadconnector',
  paya: 'payaPostbacks({ basicAuth }) from @payweave/paya',
};

const isReceiver = (value: unknown): value is WebhookReceiver<never> =>
  isFieldObject(value) && typeof value.unwrap === 'function' && typeof value.release === 'function';

/** Builds `pw.webhooks` over the receivers given. */
export function createWebhooks(settings: PayweaveWebhookSettings = {}, logger?: Logger): PayweaveWebhooks {
  const fail = (code: PaymentsError['code'], message: string) =>
    Err(
      new PaymentsError({
        code,
        operation: 'payweave.webhooks.unwrap',
        message: `payweave.webhooks.unwrap: ${message}`,
      }),
    );

  async function unwrap(input: unknown): Promise<Result<UnwrappedWebhook, PaymentsError>> {
    if (!isFieldObject(input))
      return fail('validation', `input must be an object (got ${describeValue(input)})`);
    const { provider, rawBody, headers, eventType } = input;
    if (provider !== 'leadconnector' && provider !== 'paya') {
      if (typeof provider === 'string' && Object.hasOwn(unverifiable, provider)) {
        return fail('unsupported', unverifiable[provider] as string);
      }
      return fail(
        'validation',
        `provider must be "leadconnector" or "paya" (got ${describeValue(provider)})`,
      );
    }
    const receiver = settings[provider];
    if (!isReceiver(receiver)) {
      return fail(
        'configuration',
        `no receiver for ${provider}: pass webhooks.${provider}: ${factories[provider]}`,
      );
    }
    try {
      const options = typeof eventType === 'string' ? { eventType } : {};
      if (provider === 'leadconnector') {
        const result = await (receiver as WebhookReceiver<LeadConnectorEvent>).unwrap(
          rawBody as string,
          headers as WebhookHeaders,
          options,
        );
        if (result.isErr()) return result;
        return Ok({ provider, unified: fromLeadConnectorEvent(result.value, logger), raw: result.value });
      }
      const result = await (receiver as WebhookReceiver<PayaPostback>).unwrap(
        rawBody as string,
        headers as WebhookHeaders,
        options,
      );
      if (result.isErr()) return result;
      return Ok({ provider, unified: fromPayaPostback(result.value, logger), raw: result.value });
    } catch (error) {
      if (isPaymentsError(error)) return Err(error);
      return fail('webhook_malformed', `the delivery could not be read (${describeValue(error)})`);
    }
  }

  return {
    unwrap: unwrap as PayweaveWebhooks['unwrap'],
    async release(delivery) {
      const receiver = settings[delivery.provider];
      if (isReceiver(receiver)) await receiver.release(delivery.raw as never);
    },
  };
}
