/**
 * `@payweave/leadconnector/iframe`: HighLevel's custom provider `paymentsUrl` iframe protocol
 * for the browser — message types and a tiny helper. It imports nothing (no core, no zod), so a
 * checkout bundle gets only this.
 *
 * @packageDocumentation
 * @module @payweave/leadconnector/iframe
 */
export type {
  CustomElementCloseResponse,
  CustomElementErrorResponse,
  CustomElementSuccessResponse,
  CustomProviderReadyMessage,
  HighLevelToIframeMessage,
  IframeContact,
  IframeProductDetail,
  IframeToHighLevelMessage,
  PaymentInitiateProps,
  SetupInitiateProps,
} from './iframe-messages.js';
export { readHighLevelMessage } from './iframe-messages.js';
export {
  createPaymentIframe,
  type IframeMessageEvent,
  type PaymentIframe,
  type PaymentIframeOptions,
  type PaymentIframeWindow,
} from './payment-iframe.js';
