import {
  configurationError,
  createWebhookReceiver,
  Err,
  Ok,
  readHeader,
  type WebhookDedupeOptions,
  type WebhookReceiver,
  webhookError,
} from '@payweave/core';
import { basicAuthProblem, type PayaPostbackCredentials } from './basic-auth.js';
import { PostbackProblem, parsePostback } from './parse-postback.js';
import type { PayaPostback } from './postback-types.js';

/**
 * Options of {@link payaPostbacks}: the Basic credentials the postback config was given, or
 * an explicit `allowUnauthenticated: true`; plus dedupe and body size settings.
 */
export type PayaPostbacksOptions = WebhookDedupeOptions &
  (
    | {
        /** The `basic_auth_username` / `basic_auth_password` of the postback config. */
        readonly basicAuth: PayaPostbackCredentials;
        /** Only `false` here: credentials are checked. */
        readonly allowUnauthenticated?: false | undefined;
      }
    | {
        /** None: nothing is checked. */
        readonly basicAuth?: undefined;
        /**
         * Accepts postbacks without any credentials. Paya signs nothing, so anyone who finds
         * the URL can then post fake events to it: use it only behind another gate (a
         * network allow-list), and never act on money without re-reading the record.
         */
        readonly allowUnauthenticated: true;
      }
  );

const provider = 'paya';

function checkedCredentials(options: PayaPostbacksOptions): PayaPostbackCredentials | undefined {
  const given = options as { basicAuth?: unknown; allowUnauthenticated?: unknown };
  if (given.basicAuth === undefined) {
    if (given.allowUnauthenticated === true) return undefined;
    throw configurationError(
      provider,
      'basicAuth',
      "is required: Paya signs nothing, so its Basic credentials are the only proof a postback is Paya's (pass allowUnauthenticated: true to accept anyone's)",
    );
  }
  if (given.allowUnauthenticated === true)
    throw configurationError(provider, 'allowUnauthenticated', 'cannot be true when basicAuth is given');
  const { username, password } = (given.basicAuth ?? {}) as { username?: unknown; password?: unknown };
  if (typeof username !== 'string' || username === '' || username.includes(':'))
    throw configurationError(provider, 'basicAuth.username', "must be a non-empty string without ':'");
  if (typeof password !== 'string' || password === '')
    throw configurationError(provider, 'basicAuth.password', 'must be a non-empty string');
  return { username, password };
}

/**
 * Receives Paya Connect postbacks (webhooks): checks the Basic credentials, parses the form
 * Paya posts into a typed {@link PayaPostback}, and drops re-sends of a delivery already
 * received.
 *
 * **Paya signs nothing.** A postback is a form (`type`, `resource`, `number_of_attempts`,
 * `data`) posted to the config's `url`, with an `Authorization: Basic` header only when
 * the config has a `basic_auth_username`. So:
 *
 * - give the postback config `basic_auth_username` and a long random `basic_auth_password`
 *   (32+ characters from a CSPRNG), and pass the same here: they are compared in constant
 *   time, and a missing, repeated or malformed header is refused (401);
 * - use an https `url` with an unguessable path (`/webhooks/paya/<random>`);
 * - before acting on money, re-read the record through the API
 *   (`paya.transactions.retrieve(event.record.id)`): the posted record is only what the
 *   request says.
 *
 * Paya re-sends after any non-2xx answer (up to the config's `number_of_attempts`), and may
 * re-send after a 2xx it did not see, so answer fast and process once: a delivery already
 * received is refused with `webhook_duplicate` (`deliveryId` is
 * `${resource}:${record.id}:${action}:${record.modified_ts}:${digest}`). `event.type` is
 * `${resource}.${action}` (`transaction.CREATE`); narrow on `event.resource`.
 *
 * Throws a `configuration` error when neither `basicAuth` nor `allowUnauthenticated: true`
 * is given, or when the credentials are empty.
 *
 * @example
 * ```ts
 * import { handleNodeWebhook } from '@payweave/core';
 * import { createPaya, payaPostbacks } from '@payweave/paya';
 *
 * const paya = createPaya();
 * const postbacks = payaPostbacks({
 *   basicAuth: { username: 'paya', password: process.env.PAYA_POSTBACK_PASSWORD! },
 * });
 * app.post('/webhooks/paya/4f9c2e7a', express.raw({ type: '*\/*' }), (req, res) =>
 *   handleNodeWebhook(postbacks, req, res, async (event) => {
 *     if (event.resource !== 'transaction' || event.action !== 'CREATE') return;
 *     // Unsigned data: read the transaction back before shipping anything.
 *     const transaction = (await paya.transactions.retrieve(event.record.id)).unwrap();
 *     if (transaction.status === 'approved') await fulfil(transaction.order_num);
 *   }),
 * );
 * ```
 *
 * @example
 * ```ts
 * // Fetch-style runtimes (Next.js route handlers, Workers, Deno, Bun)
 * export const POST = (request: Request) =>
 *   handleWebhookRequest(postbacks, request, (event) => queue.push(event));
 * ```
 */
export function payaPostbacks(options: PayaPostbacksOptions): WebhookReceiver<PayaPostback> {
  const credentials = checkedCredentials(options);
  return createWebhookReceiver<PayaPostback>({
    provider,
    dedupe: options.dedupe,
    dedupeTtlMs: options.dedupeTtlMs,
    maxBodyBytes: options.maxBodyBytes,
    async verify(body, headers) {
      if (credentials !== undefined) {
        const problem = basicAuthProblem(readHeader(headers, 'authorization'), credentials);
        if (problem !== undefined) return Err(webhookError(provider, 'webhook_signature', problem));
      }
      try {
        return Ok(await parsePostback(body.text, headers));
      } catch (error) {
        if (error instanceof PostbackProblem)
          return Err(webhookError(provider, 'webhook_malformed', error.message));
        // Anything else is a bug or a hostile shape; its message may quote the body, so it is not kept.
        return Err(webhookError(provider, 'webhook_malformed', 'the postback could not be read'));
      }
    },
  });
}
