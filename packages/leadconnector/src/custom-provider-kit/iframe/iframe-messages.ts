// Browser code: this folder imports nothing outside itself (no core, no zod), so
// `@payweave/leadconnector/iframe` adds only these few lines to a checkout bundle.

/**
 * `custom_provider_ready` (iframe → HighLevel): the page is loaded and listening. Send
 * `addCardOnFileSupported: true` only when you implement setup, `list_payment_methods` and
 * `charge_payment`.
 *
 * @example
 * ```ts
 * const ready: CustomProviderReadyMessage = { type: 'custom_provider_ready', loaded: true, addCardOnFileSupported: true };
 * ```
 */
export interface CustomProviderReadyMessage {
  /** The message type. */
  readonly type: 'custom_provider_ready';
  /** Always `true`. */
  readonly loaded: true;
  /** Whether the provider can save a card (setup mode). */
  readonly addCardOnFileSupported?: boolean | undefined;
}

/**
 * A contact as HighLevel passes it to the iframe.
 *
 * @example
 * ```ts
 * const contact: IframeContact = { id: 'c_1', name: 'Ada Lovelace', email: 'ada@example.com' };
 * ```
 */
export interface IframeContact {
  /** HighLevel's contact id. */
  readonly id: string;
  /** Name. */
  readonly name?: string | undefined;
  /** Email. */
  readonly email?: string | undefined;
  /** Phone number. */
  readonly contact?: string | undefined;
  /** Shipping address, when HighLevel sends one. */
  readonly shippingAddress?:
    | {
        /** City. */
        readonly city?: string | undefined;
        /** Country. */
        readonly country?: string | undefined;
        /** Street line. */
        readonly line1?: string | undefined;
        /** Postal code. */
        readonly zipCode?: string | undefined;
        /** State. */
        readonly state?: string | undefined;
      }
    | undefined;
}

/**
 * One product line in `payment_initiate_props` (every field optional: the shape has changed
 * between versions). HighLevel says `prices[].amount` is in the smallest unit, unverified.
 *
 * @example
 * ```ts
 * const line: IframeProductDetail = { productId: 'prod_1', priceId: 'price_1', qty: 2 };
 * ```
 */
export interface IframeProductDetail {
  /** Line id. */
  readonly _id?: string | undefined;
  /** Product name. */
  readonly name?: string | undefined;
  /** Quantity. */
  readonly qty?: number | undefined;
  /** HighLevel's product id. */
  readonly productId?: string | undefined;
  /** HighLevel's price id. */
  readonly priceId?: string | undefined;
  /** Whether taxes apply. */
  readonly isTaxesEnabled?: boolean | undefined;
  /** Taxes (`rate` is a fraction: 0.08). */
  readonly taxes?: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** Prices, as sent. */
  readonly prices?: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** Fields HighLevel adds. */
  readonly [field: string]: unknown;
}

/**
 * `payment_initiate_props` (HighLevel → iframe): take a payment. `amount` is **decimal major
 * units** (100 = 100.00; at most 2 decimals). The helper hands you `productDetails` as an
 * array even when HighLevel sent one object (2025-08).
 *
 * @example
 * ```ts
 * const props: PaymentInitiateProps = {
 *   type: 'payment_initiate_props', publishableKey: 'pk_test_1', amount: 100, currency: 'USD', mode: 'payment',
 *   orderId: 'o_1', transactionId: 't_1', locationId: 'loc_1', contact: { id: 'c_1' }, productDetails: [],
 * };
 * ```
 */
export interface PaymentInitiateProps {
  /** The message type. */
  readonly type: 'payment_initiate_props';
  /** Your publishable key (from connect). */
  readonly publishableKey: string;
  /** Decimal major units. */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** A one-off payment or a subscription's first payment. */
  readonly mode: 'payment' | 'subscription';
  /** The product lines. */
  readonly productDetails: readonly IframeProductDetail[];
  /** The contact, when known. */
  readonly contact?: IframeContact | undefined;
  /** HighLevel's order id. */
  readonly orderId?: string | undefined;
  /** HighLevel's transaction id. */
  readonly transactionId?: string | undefined;
  /** HighLevel's subscription id (subscriptions). */
  readonly subscriptionId?: string | undefined;
  /** HighLevel's location id. */
  readonly locationId?: string | undefined;
  /** Fields HighLevel adds. */
  readonly [field: string]: unknown;
}

/**
 * `setup_initiate_props` (HighLevel → iframe): save a card on file (only after a ready message
 * with `addCardOnFileSupported: true`).
 *
 * @example
 * ```ts
 * const props: SetupInitiateProps = {
 *   type: 'setup_initiate_props', publishableKey: 'pk_test_1', currency: 'USD', mode: 'setup',
 *   contact: { id: 'c_1' }, locationId: 'loc_1',
 * };
 * ```
 */
export interface SetupInitiateProps {
  /** The message type. */
  readonly type: 'setup_initiate_props';
  /** Your publishable key (from connect). */
  readonly publishableKey: string;
  /** ISO 4217 code. */
  readonly currency: string;
  /** Always `setup`. */
  readonly mode: 'setup';
  /** The contact whose card is saved. */
  readonly contact: IframeContact;
  /** HighLevel's location id. */
  readonly locationId: string;
  /** Fields HighLevel adds. */
  readonly [field: string]: unknown;
}

/**
 * `custom_element_success_response` (iframe → HighLevel): the payment (with your `chargeId`,
 * shown on the order) or the setup (no fields) succeeded. HighLevel then calls `verify`; only
 * that answer settles the payment.
 *
 * @example
 * ```ts
 * const success: CustomElementSuccessResponse = { type: 'custom_element_success_response', chargeId: 'ch_1' };
 * ```
 */
export interface CustomElementSuccessResponse {
  /** The message type. */
  readonly type: 'custom_element_success_response';
  /** Your charge id (payments). */
  readonly chargeId?: string | undefined;
}

/**
 * `custom_element_error_response` (iframe → HighLevel): shown to the payer.
 *
 * @example
 * ```ts
 * const failed: CustomElementErrorResponse = { type: 'custom_element_error_response', error: { description: 'Card declined' } };
 * ```
 */
export interface CustomElementErrorResponse {
  /** The message type. */
  readonly type: 'custom_element_error_response';
  /** What to show. */
  readonly error: {
    /** The text shown to the payer. */
    readonly description: string;
  };
}

/**
 * `custom_element_close_response` (iframe → HighLevel): the payer cancelled.
 *
 * @example
 * ```ts
 * const closed: CustomElementCloseResponse = { type: 'custom_element_close_response' };
 * ```
 */
export interface CustomElementCloseResponse {
  /** The message type. */
  readonly type: 'custom_element_close_response';
}

/**
 * Every message the iframe posts to HighLevel.
 *
 * @example
 * ```ts
 * const outgoing: IframeToHighLevelMessage = { type: 'custom_element_close_response' };
 * ```
 */
export type IframeToHighLevelMessage =
  | CustomProviderReadyMessage
  | CustomElementSuccessResponse
  | CustomElementErrorResponse
  | CustomElementCloseResponse;

/**
 * Every message HighLevel posts to the iframe.
 *
 * @example
 * ```ts
 * const describe = (message: HighLevelToIframeMessage) => (message.type === 'setup_initiate_props' ? 'save a card' : 'pay');
 * ```
 */
export type HighLevelToIframeMessage = PaymentInitiateProps | SetupInitiateProps;

/**
 * Reads a message event's `data` (an object or a JSON string: HighLevel and other senders use
 * both) as a HighLevel props message; `undefined` for anything else (browser extensions and
 * other frames post to the same window).
 *
 * @example
 * ```ts
 * window.addEventListener('message', (event) => {
 *   const props = readHighLevelMessage(event.data);
 *   if (props?.type === 'payment_initiate_props') startPayment(props.amount, props.currency);
 * });
 * ```
 */
export function readHighLevelMessage(data: unknown): HighLevelToIframeMessage | undefined {
  let value = data;
  if (typeof value === 'string') {
    // Only something that could be a props object is parsed (never a huge foreign string).
    if (value.length > 1_000_000 || !value.trimStart().startsWith('{')) return undefined;
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'payment_initiate_props') {
    if (typeof message.amount !== 'number' || typeof message.currency !== 'string') return undefined;
    const details = message.productDetails;
    const productDetails =
      details === undefined || details === null ? [] : Array.isArray(details) ? details : [details];
    return { ...message, productDetails } as unknown as PaymentInitiateProps;
  }
  if (message.type === 'setup_initiate_props') {
    const contact = message.contact as { id?: unknown } | null | undefined;
    if (typeof contact?.id !== 'string') return undefined;
    return message as SetupInitiateProps;
  }
  return undefined;
}
