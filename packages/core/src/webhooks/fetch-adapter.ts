import { type DeliveryAnswer, handleDelivery, type WebhookHandlerOptions } from './handle-delivery.js';
import type { WebhookEventBase, WebhookReceiver } from './webhook-types.js';

/**
 * Reads a fetch `Request`'s body as bytes, stopping at `maxBytes` (a declared or streamed body
 * past it is not read further). `undefined` when it is too large.
 */
export async function readRequestBytes(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return undefined;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function toResponse(answer: DeliveryAnswer): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * A fetch-style webhook endpoint (Hono, Next.js route handlers, Cloudflare Workers, Deno, Bun):
 * reads the raw body, verifies and dedupes the delivery, runs `onEvent`, and answers (200
 * processed or duplicate, 401 unsigned, 400 stale or malformed, 500 when `onEvent` threw so the
 * provider redelivers).
 *
 * @example
 * ```ts
 * // Next.js app/api/webhooks/highlevel/route.ts
 * const receiver = leadConnectorWebhooks();
 * export const POST = (request: Request) =>
 *   handleWebhookRequest(receiver, request, async (event) => {
 *     if (event.type === 'InvoicePaid') await markPaid(event.data._id);
 *   });
 * ```
 */
export async function handleWebhookRequest<Event extends WebhookEventBase>(
  receiver: WebhookReceiver<Event>,
  request: Request,
  onEvent: (event: Event) => unknown,
  options: WebhookHandlerOptions = {},
): Promise<Response> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readRequestBytes(request, receiver.maxBodyBytes);
  } catch (error) {
    options.onError?.(error);
    return toResponse({ status: 400, body: { received: false, error: 'webhook_malformed' } });
  }
  if (bytes === undefined) {
    return toResponse({ status: 413, body: { received: false, error: 'webhook_malformed' } });
  }
  return toResponse(await handleDelivery(receiver, bytes, request.headers, onEvent, options));
}
