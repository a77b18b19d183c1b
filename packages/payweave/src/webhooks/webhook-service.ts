import {
  type DedupeStore,
  Err,
  isPaymentsError,
  type Logger,
  memoryDedupeStore,
  Ok,
  PaymentsError,
  type Result,
  type WebhookHeaders,
} from '@payweave/core';
import {
  type LeadConnectorEventType,
  type LeadConnectorWebhookOptions,
  leadConnectorWebhooks,
} from '@payweave/leadconnector';
import { type PayaPostbacksOptions, payaPostbacks } from '@payweave/paya';
import { describeValue, isFieldObject } from '../facade-input.js';
import { fromLeadConnectorEvent } from './from-leadconnector-event.js';
import { fromPayaPostback } from './from-paya-postback.js';
import type { ProviderWebhookEvents, UnwrappedWebhook, WebhookProvider } from './unified-webhook-event.js';

/** Receiver settings per provider for `pw.webhooks` (each optional; Paya needs its basic-auth pair). */
export interface PayweaveWebhookSettings {
  /** HighLevel marketplace webhooks: keys, legacy RSA, window, dedupe. Defaults apply when absent. */
  readonly leadconnector?: LeadConnectorWebhookOptions | undefined;
  /** Paya postbacks: the basic-auth credentials the postback config sends, and dedupe. */
  readonly paya?: PayaPostbacksOptions | undefined;
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
   * `webhook_duplicate`, `webhook_malformed`); a provider without verifiable webhooks is
   * `unsupported` (connectFi and PayConnect: see the webhooks guide).
   *
   * @example
   * ```ts
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

/** Builds `pw.webhooks`; receivers are made on first use, so unused providers cost nothing. */
export function createWebhooks(settings: PayweaveWebhookSettings = {}, logger?: Logger): PayweaveWebhooks {
  // One receiver per event-name hint, all claiming in one dedupe store.
  const leadconnector = new Map<string, ReturnType<typeof leadConnectorWebhooks>>();
  let leadconnectorStore: DedupeStore | false | undefined;
  const leadConnectorReceiver = (eventType: unknown) => {
    const key = typeof eventType === 'string' ? eventType : '';
    let receiver = leadconnector.get(key);
    if (receiver === undefined) {
      leadconnectorStore ??= settings.leadconnector?.dedupe ?? memoryDedupeStore();
      receiver = leadConnectorWebhooks({
        ...settings.leadconnector,
        dedupe: leadconnectorStore,
        ...(key === '' ? {} : { eventType: key }),
      });
      leadconnector.set(key, receiver);
    }
    return receiver;
  };
  let paya: ReturnType<typeof payaPostbacks> | undefined;
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
    const { provider, rawBody, headers, eventType } = input as Record<string, unknown>;
    try {
      if (provider === 'leadconnector') {
        const result = await leadConnectorReceiver(eventType).unwrap(
          rawBody as string,
          headers as WebhookHeaders,
        );
        if (result.isErr()) return result;
        return Ok({ provider, unified: fromLeadConnectorEvent(result.value, logger), raw: result.value });
      }
      if (provider === 'paya') {
        if (settings.paya === undefined) {
          return fail(
            'configuration',
            'Paya postbacks need webhooks.paya (the basic-auth credentials the postback config sends)',
          );
        }
        paya ??= payaPostbacks(settings.paya);
        const result = await paya.unwrap(rawBody as string, headers as WebhookHeaders);
        if (result.isErr()) return result;
        return Ok({ provider, unified: fromPayaPostback(result.value, logger), raw: result.value });
      }
      if (typeof provider === 'string' && Object.hasOwn(unverifiable, provider)) {
        return fail('unsupported', unverifiable[provider] as string);
      }
      return fail(
        'validation',
        `provider must be "leadconnector" or "paya" (got ${describeValue(provider)})`,
      );
    } catch (error) {
      // A receiver refuses bad settings by throwing a configuration error when it is made.
      if (isPaymentsError(error)) return Err(error);
      return fail('webhook_malformed', `the delivery could not be read (${describeValue(error)})`);
    }
  }

  return {
    unwrap: unwrap as PayweaveWebhooks['unwrap'],
    async release(delivery) {
      // Every hinted receiver shares the store, so any of them releases the claim.
      if (delivery.provider === 'leadconnector')
        await leadConnectorReceiver(undefined).release(
          delivery.raw as ProviderWebhookEvents['leadconnector'],
        );
      else if (delivery.provider === 'paya')
        await paya?.release(delivery.raw as ProviderWebhookEvents['paya']);
    },
  };
}
