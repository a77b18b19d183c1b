import { Err, Ok, type PaymentsError, type Result, readRawBody, webhookError } from '@payweave/core';
import type { ConnectFiPayment } from '../payment-links/payment-link-types.js';

/**
 * The one webhook connectFi documents for payment links: configured by PayGears on request, it
 * hands the payer's email to the client to send (`{to, subject, html, data}`) instead of PayGears
 * sending it. It is **not signed and not authenticated**, and PayGears warns deliveries can be
 * lost: treat it as a hint and read the payment again (`connectfi.paymentLinks.retrieve`) before
 * acting on it. connectFi has no payment-status webhook for payment links; poll
 * `paymentLinks.list` to follow statuses.
 */
export interface ConnectFiPaymentLinkNotification {
  /** Provider id. */
  readonly provider: 'connectfi';
  /** Always `false`: connectFi signs nothing, so nothing here is proven to come from connectFi. */
  readonly verified: false;
  /** Recipients of the email. */
  readonly to: readonly string[];
  /** The email's subject. */
  readonly subject: string | undefined;
  /** The email's HTML (untrusted: escape or sanitise before showing it anywhere). */
  readonly html: string | undefined;
  /** The payment link as the notification describes it (re-read it before trusting it). */
  readonly payment: Partial<ConnectFiPayment>;
}

const maxBytes = 1024 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a connectFi payment-link notification from the raw body. Nothing is verified (connectFi
 * signs nothing); the result says so in `verified: false`. A body that is not the documented
 * shape is a `webhook_malformed` error.
 *
 * @example
 * ```ts
 * const notice = readConnectFiPaymentLinkNotification(await request.text());
 * if (notice.isOk()) {
 *   const id = notice.value.payment.cFiTransactionId;
 *   if (id) {
 *     const payment = await connectfi.paymentLinks.retrieve({ cFiTransactionId: id }); // the truth
 *     // send the email yourself from notice.value.to / subject / html
 *   }
 * }
 * ```
 */
export function readConnectFiPaymentLinkNotification(
  body: string | Uint8Array | ArrayBuffer,
): Result<ConnectFiPaymentLinkNotification, PaymentsError> {
  const fail = (detail: string) => Err(webhookError('connectfi', 'webhook_malformed', detail));
  const raw = readRawBody(body, maxBytes);
  if ('problem' in raw) return Err(webhookError('connectfi', raw.code, raw.problem));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.text);
  } catch {
    return fail('the body is not JSON');
  }
  if (!isObject(parsed)) return fail('the body is not a JSON object');
  // An older copy of PayGears' pages wraps deliveries as {code:"0", data:{…}}.
  const envelope = isObject(parsed.data) && parsed.code === '0' && !('to' in parsed) ? parsed.data : parsed;
  const to = envelope.to;
  if (!Array.isArray(to) || !to.every((item) => typeof item === 'string')) {
    return fail('`to` must be a list of email addresses');
  }
  const payment = isObject(envelope.data) ? envelope.data : {};
  if (payment.cFiTransactionId !== undefined && typeof payment.cFiTransactionId !== 'string') {
    return fail('`data.cFiTransactionId` must be a string');
  }
  return Ok({
    provider: 'connectfi',
    verified: false,
    to,
    subject: typeof envelope.subject === 'string' ? envelope.subject : undefined,
    html: typeof envelope.html === 'string' ? envelope.html : undefined,
    payment: { ...payment } as Partial<ConnectFiPayment>,
  });
}
