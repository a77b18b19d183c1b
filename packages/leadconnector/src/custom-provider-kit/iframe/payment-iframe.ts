import {
  type HighLevelToIframeMessage,
  type IframeToHighLevelMessage,
  type PaymentInitiateProps,
  readHighLevelMessage,
  type SetupInitiateProps,
} from './iframe-messages.js';

/**
 * A message event as the helper reads it (the browser's `MessageEvent` fits).
 *
 * @example
 * ```ts
 * const event: IframeMessageEvent = { data: '{"type":"payment_initiate_props"}' };
 * ```
 */
export interface IframeMessageEvent {
  /** The posted data: an object or a JSON string. */
  readonly data: unknown;
}

/**
 * The part of the browser's `window` the helper uses (tests pass a fake).
 *
 * @example
 * ```ts
 * const fake: PaymentIframeWindow = {
 *   parent: { postMessage: (message) => sent.push(JSON.parse(message)) },
 *   addEventListener: (_type, listener) => { listeners.push(listener); },
 *   removeEventListener: () => {},
 * };
 * ```
 */
export interface PaymentIframeWindow {
  /** The HighLevel page the iframe is embedded in. */
  readonly parent: { postMessage(message: string, targetOrigin: string): void };
  /** Registers the message listener. */
  addEventListener(type: 'message', listener: (event: IframeMessageEvent) => void): void;
  /** Removes it. */
  removeEventListener(type: 'message', listener: (event: IframeMessageEvent) => void): void;
}

/**
 * Options of {@link createPaymentIframe}.
 *
 * @example
 * ```ts
 * const options: PaymentIframeOptions = { onPaymentProps: (props) => renderCardForm(props.amount, props.currency) };
 * ```
 */
export interface PaymentIframeOptions {
  /** Say in the ready message that cards can be saved (needs `onSetupProps`, and setup, list and charge on the server). */
  readonly addCardOnFileSupported?: boolean | undefined;
  /** Called once, with the first `payment_initiate_props` HighLevel sends. */
  readonly onPaymentProps: (props: PaymentInitiateProps) => void;
  /** Called once, with the first `setup_initiate_props` (card on file). */
  readonly onSetupProps?: ((props: SetupInitiateProps) => void) | undefined;
  /** The window (default the global `window`). */
  readonly window?: PaymentIframeWindow | undefined;
  /** How often ready is re-posted until props arrive (default 500 ms). */
  readonly readyIntervalMs?: number | undefined;
}

/**
 * What {@link createPaymentIframe} returns: the three answers the iframe gives HighLevel.
 *
 * @example
 * ```ts
 * const iframe: PaymentIframe = createPaymentIframe({ onPaymentProps: start });
 * iframe.close();
 * ```
 */
export interface PaymentIframe {
  /** The props received, once they arrived. */
  readonly props: HighLevelToIframeMessage | undefined;
  /** Posts `custom_element_success_response` (with your `chargeId` for a payment; none for a setup). HighLevel then calls `verify`. */
  success(chargeId?: string): void;
  /** Posts `custom_element_error_response` with a description shown to the payer. */
  error(description: string): void;
  /** Posts `custom_element_close_response` (the payer cancelled). */
  close(): void;
  /** Stops listening and re-posting ready. */
  dispose(): void;
}

/**
 * Speaks HighLevel's `paymentsUrl` iframe protocol: registers the message listener **before**
 * posting `custom_provider_ready`, re-posts ready every 500 ms until props arrive, reads
 * `event.data` as an object or a JSON string and ignores everything that is not HighLevel's
 * props (extensions post too), and posts JSON strings to `window.parent` with `'*'` (checkouts
 * run on white-label and custom domains, so no fixed origin works). Messages hold only what you
 * pass: never put a secret in them, and trust only the server-side `verify`.
 *
 * @example
 * ```ts
 * import { createPaymentIframe } from '@payweave/leadconnector/iframe';
 *
 * const iframe = createPaymentIframe({
 *   onPaymentProps: async (props) => {
 *     const result = await myGateway.pay({ key: props.publishableKey, amount: props.amount, currency: props.currency });
 *     if (result.ok) iframe.success(result.chargeId);
 *     else iframe.error(result.reason);
 *   },
 * });
 * cancelButton.onclick = () => iframe.close();
 * ```
 */
export function createPaymentIframe(options: PaymentIframeOptions): PaymentIframe {
  const target = options.window ?? (globalThis as { window?: PaymentIframeWindow }).window;
  if (!target) throw new TypeError('createPaymentIframe: no window (pass options.window outside a browser)');
  if (typeof options.onPaymentProps !== 'function') {
    throw new TypeError('createPaymentIframe: onPaymentProps must be a function');
  }
  if (options.addCardOnFileSupported === true && typeof options.onSetupProps !== 'function') {
    throw new TypeError('createPaymentIframe: addCardOnFileSupported needs onSetupProps');
  }
  const intervalMs = options.readyIntervalMs ?? 500;
  let props: HighLevelToIframeMessage | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const post = (message: IframeToHighLevelMessage) => target.parent.postMessage(JSON.stringify(message), '*');
  const ready = () =>
    post({
      type: 'custom_provider_ready',
      loaded: true,
      addCardOnFileSupported: options.addCardOnFileSupported === true,
    });
  const stopReady = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const listener = (event: IframeMessageEvent) => {
    if (props !== undefined) return;
    const message = readHighLevelMessage(event.data);
    if (message === undefined) return;
    if (message.type === 'setup_initiate_props' && !options.onSetupProps) return;
    props = message;
    stopReady();
    if (message.type === 'payment_initiate_props') options.onPaymentProps(message);
    else options.onSetupProps?.(message);
  };
  // Listening first: props sent in answer to the first ready must not be missed.
  target.addEventListener('message', listener);
  ready();
  timer = setInterval(() => {
    if (props === undefined) ready();
    else stopReady();
  }, intervalMs);
  return {
    get props() {
      return props;
    },
    success(chargeId) {
      if (chargeId !== undefined && (typeof chargeId !== 'string' || chargeId === '')) {
        throw new TypeError(
          'createPaymentIframe: success(chargeId) takes your charge id as a non-empty string',
        );
      }
      post(
        chargeId === undefined
          ? { type: 'custom_element_success_response' }
          : { type: 'custom_element_success_response', chargeId },
      );
    },
    error(description) {
      post({
        type: 'custom_element_error_response',
        error: {
          description: typeof description === 'string' && description !== '' ? description : 'Payment failed',
        },
      });
    },
    close() {
      post({ type: 'custom_element_close_response' });
    },
    dispose() {
      stopReady();
      target.removeEventListener('message', listener);
    },
  };
}
