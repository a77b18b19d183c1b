import type {
  LeadConnectorInstallPayload,
  LeadConnectorInvoicePayload,
  LeadConnectorOrderPayload,
  LeadConnectorPricePayload,
  LeadConnectorProductPayload,
  LeadConnectorUninstallPayload,
} from './event-payloads.js';
import type { SignedForm } from './verify-signature.js';

/** The order events: the body's `type` names them. */
export const leadConnectorOrderEventTypes = ['OrderCreate', 'OrderStatusUpdate'] as const;

/** The invoice events. HighLevel's docs show no `type` in their bodies; one is used when sent. */
export const leadConnectorInvoiceEventTypes = [
  'InvoiceCreate',
  'InvoiceUpdate',
  'InvoiceSent',
  'InvoicePaid',
  'InvoicePartiallyPaid',
  'InvoiceVoid',
  'InvoiceDelete',
] as const;

/** The product events (no `type` in the documented bodies). */
export const leadConnectorProductEventTypes = ['ProductCreate', 'ProductUpdate', 'ProductDelete'] as const;

/** The price events (no event name in the documented bodies; `type` there is the price kind). */
export const leadConnectorPriceEventTypes = ['PriceCreate', 'PriceUpdate', 'PriceDelete'] as const;

/** Every event type the receiver parses into a typed payload. */
export const leadConnectorEventTypes = [
  ...leadConnectorOrderEventTypes,
  ...leadConnectorInvoiceEventTypes,
  'INSTALL',
  'UNINSTALL',
  ...leadConnectorProductEventTypes,
  ...leadConnectorPriceEventTypes,
] as const;

/** One of {@link leadConnectorEventTypes}. */
export type LeadConnectorEventType = (typeof leadConnectorEventTypes)[number];

/** What every LeadConnector event carries besides its `type` and `data`. */
export interface LeadConnectorEventEnvelope {
  /** Always `leadconnector`. */
  readonly provider: 'leadconnector';
  /**
   * The dedupe key: the body's `webhookId`, or `sha256:<hex>` of the body when it has none
   * (a redelivery of the same bytes gets the same key).
   */
  readonly deliveryId: string;
  /** The body's `webhookId`, when it has one. */
  readonly webhookId?: string;
  /** The body's `timestamp` (ISO-8601), when it has one. */
  readonly timestamp?: string;
  /** Which bytes the signature covered: the body as received, or its compact JSON form. */
  readonly signedForm: SignedForm;
  /**
   * The body as sent (parsed, `__proto__` keys dropped). `data` reads a field of the wrong type
   * as `undefined`; its value is here.
   */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A typed event: `type` says which, `data` is its parsed body. */
export interface LeadConnectorTypedEvent<Type extends string, Data> extends LeadConnectorEventEnvelope {
  /** The event name. */
  readonly type: Type;
  /** The body, parsed tolerantly (documented fields typed and optional, unknown fields kept). */
  readonly data: Data;
}

/** `OrderCreate` or `OrderStatusUpdate`. */
export type LeadConnectorOrderEvent = LeadConnectorTypedEvent<
  (typeof leadConnectorOrderEventTypes)[number],
  LeadConnectorOrderPayload
>;

/** One of the seven invoice events. */
export type LeadConnectorInvoiceEvent = LeadConnectorTypedEvent<
  (typeof leadConnectorInvoiceEventTypes)[number],
  LeadConnectorInvoicePayload
>;

/** `INSTALL`: the app was installed on a location or agency. */
export type LeadConnectorInstallEvent = LeadConnectorTypedEvent<'INSTALL', LeadConnectorInstallPayload>;

/** `UNINSTALL`: the app was removed. */
export type LeadConnectorUninstallEvent = LeadConnectorTypedEvent<'UNINSTALL', LeadConnectorUninstallPayload>;

/** One of the three product events. */
export type LeadConnectorProductEvent = LeadConnectorTypedEvent<
  (typeof leadConnectorProductEventTypes)[number],
  LeadConnectorProductPayload
>;

/** One of the three price events. */
export type LeadConnectorPriceEvent = LeadConnectorTypedEvent<
  (typeof leadConnectorPriceEventTypes)[number],
  LeadConnectorPricePayload
>;

/**
 * A verified event the receiver has no type for: a new HighLevel event, or a body that does not
 * say which event it is (invoice, product and price bodies carry no event name; set the receiver's
 * `eventType` for a URL that receives one of those). `type` is the literal `other` so that
 * `event.type === 'InvoicePaid'` still narrows the union; the name sent is in `eventType`.
 */
export interface LeadConnectorOtherEvent extends LeadConnectorEventEnvelope {
  /** Always `other`. */
  readonly type: 'other';
  /** The event name the body (or the receiver's `eventType`) gave, if any. */
  readonly eventType: string | undefined;
  /** The body as sent (parsed, `__proto__` keys dropped). */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Every event a LeadConnector receiver yields: narrow on `type`.
 *
 * @example
 * ```ts
 * switch (event.type) {
 *   case 'OrderStatusUpdate':
 *     if (event.data.status === 'completed') await fulfil(event.data._id);
 *     break;
 *   case 'InvoicePaid':
 *     await markPaid(event.data._id, event.data.amountPaid);
 *     break;
 *   case 'other':
 *     log.info('unhandled HighLevel event', event.eventType);
 * }
 * ```
 */
export type LeadConnectorEvent =
  | LeadConnectorOrderEvent
  | LeadConnectorInvoiceEvent
  | LeadConnectorInstallEvent
  | LeadConnectorUninstallEvent
  | LeadConnectorProductEvent
  | LeadConnectorPriceEvent
  | LeadConnectorOtherEvent;
