import { type PaymentsError, type Result, toJsonSchema } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { settleErr, settleOk } from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  leadConnectorClient,
  payaClient,
  payaLocationId,
  payaTransaction,
  payConnectClient,
  payConnectSession200,
  secret,
  type Transport,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Handler,
  routes,
  sendJson,
  startServer,
  type TestServer,
} from './support/servers.js';

// DESIGN.md section 5 (issue 12, item 8): a new user's first calls. A request body copied from
// Paya's own docs is accepted (the fields the method fixes, `action` and `payment_method`, when
// they agree) and refused with the method to use when they contradict, nothing sent. Every
// validation message says why; zod/mini without a locale said only "Invalid input".

afterAll(closeAllServers);

const testTimeout = 30_000;
const vaultId = '11eb8bdf1ae2385e9ec6747a';
const productId = '11e919aa3c630002afd9e7db';
const achProductId = '11ea4f5216b3141c91042a55';
const previousId = '11eb0000aaaabbbbccccdddd';

/** Answers every transaction write with the record Paya would return. */
const payaAnswers: Handler = routes({
  'POST /v2/transactions': (_request, response) =>
    sendJson(response, 201, { transaction: payaTransaction() }),
  'PUT /v2/transactions/11eb0000aaaabbbbccccdddd': (_request, response) =>
    sendJson(response, 200, { transaction: payaTransaction() }),
  // The refund's guard reads the original (a settled card sale: nothing to refuse).
  'GET /v2/transactions/11eb0000aaaabbbbccccdddd': (_request, response) =>
    sendJson(response, 200, { transaction: payaTransaction() }),
});

/** The `transaction` object of each write the server received. */
function sentTransactions(server: TestServer): Record<string, unknown>[] {
  return server.requests
    .filter((request) => request.method !== 'GET')
    .map((request) => (JSON.parse(request.body) as { transaction: Record<string, unknown> }).transaction);
}

describe.each(transports)("Paya's own request bodies ($transport)", ({ transport }) => {
  it(
    "sends the integration guide's sale body as given, action and payment_method once",
    async () => {
      const server = await startServer(payaAnswers);
      const paya = payaClient(server, transport);
      const guideSale = {
        action: 'sale',
        payment_method: 'cc',
        account_vault_id: vaultId,
        transaction_amount: 1,
        location_id: payaLocationId,
        product_transaction_id: productId,
        billing_street: '5800 NW 39th AVE',
        billing_zip: '32606',
      } as const;
      await settleOk(paya.transactions.sale(guideSale));
      expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'POST /v2/transactions',
      ]);
      const [sent] = sentTransactions(server);
      expect(sent).toEqual({ ...guideSale, transaction_api_id: expect.stringMatching(/^pw-/) });
      expect(Object.keys(sent ?? {}).filter((key) => key === 'action')).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'sends each create method with its own action and payment method, whether the body names them or not',
    async () => {
      const server = await startServer(payaAnswers);
      const paya = payaClient(server, transport);
      const bank = {
        ach_sec_code: 'WEB',
        product_transaction_id: achProductId,
        account_number: secret.bankAccount,
        routing: secret.routing,
        account_holder_name: 'SDK Test',
        account_type: 'checking',
      } as const;
      await settleOk(paya.transactions.sale(cardSale({ action: 'sale', payment_method: 'cc' })));
      await settleOk(paya.transactions.authOnly(cardSale({ action: 'authonly', payment_method: 'cc' })));
      await settleOk(paya.transactions.avsOnly({ ...cardSale(), action: 'avsonly', payment_method: 'cc' }));
      await settleOk(paya.transactions.debit({ transaction_amount: '1.00', ...bank, action: 'debit' }));
      await settleOk(
        paya.transactions.credit({
          transaction_amount: '1.00',
          ...bank,
          action: 'credit',
          payment_method: 'ach',
        }),
      );
      await settleOk(
        paya.transactions.refund({
          action: 'refund',
          payment_method: 'ach',
          previous_transaction_id: previousId,
          transaction_amount: '1.00',
        }),
      );
      await settleOk(paya.transactions.authComplete(previousId, { action: 'authcomplete' }));
      await settleOk(paya.transactions.void(previousId, { action: 'void' }));
      await settleOk(paya.transactions.sale(cardSale()));
      expect(
        sentTransactions(server).map((sent) => `${String(sent.action)} ${String(sent.payment_method)}`),
      ).toEqual([
        'sale cc',
        'authonly cc',
        'avsonly cc',
        'debit ach',
        'credit ach',
        'refund ach',
        'authcomplete undefined',
        'void undefined',
        'sale cc',
      ]);
    },
    testTimeout,
  );

  it(
    'refuses a contradicting action or payment method with the method to use, and sends nothing',
    async () => {
      const server = await startServer(payaAnswers);
      const paya = payaClient(server, transport);
      const cases: [() => Promise<Result<unknown, PaymentsError>>, string][] = [
        [
          () => paya.transactions.sale(cardSale({ action: 'authonly' }) as never),
          'action: must be "sale" for transactions.sale (use transactions.authOnly for "authonly")',
        ],
        [
          () => paya.transactions.sale(cardSale({ action: 'refund', payment_method: 'ach' }) as never),
          'payment_method: must be "cc" for transactions.sale (use transactions.debit for "ach")',
        ],
        [
          () => paya.transactions.authOnly(cardSale({ action: 'avsonly' }) as never),
          'action: must be "authonly" for transactions.authOnly (use transactions.avsOnly for "avsonly")',
        ],
        [
          () =>
            paya.transactions.refund({
              action: 'void',
              previous_transaction_id: previousId,
              transaction_amount: '1.00',
            } as never),
          'action: must be "refund" for transactions.refund (use transactions.void for "void")',
        ],
        [
          () => paya.transactions.sale(cardSale({ action: 'toString' }) as never),
          'action: must be "sale" for transactions.sale;',
        ],
        [
          () => paya.transactions.sale(cardSale({ action: '__proto__' }) as never),
          'action: must be "sale" for transactions.sale;',
        ],
      ];
      for (const [call, reason] of cases) {
        const error = await settleErr(call());
        expect(error.code).toBe('validation');
        expect(`${error.message};`).toContain(reason);
        expect(error.message).toMatch(/nothing was sent/);
      }
      expect(server.requests).toEqual([]);
    },
    testTimeout,
  );

  it(
    "refuses Paya's envelopes and the guide's typo with what to do instead",
    async () => {
      const server = await startServer(payaAnswers);
      const paya = payaClient(server, transport);
      const envelope = "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)";
      const transaction = await settleErr(paya.transactions.sale({ transaction: cardSale() } as never));
      expect(transaction.fieldErrors?.transaction).toEqual([envelope]);
      const paylink = await settleErr(paya.paylinks.create({ paylink: { amount_due: '1.00' } } as never));
      expect(paylink.fieldErrors?.paylink).toEqual([envelope]);
      const contact = await settleErr(
        paya.contacts.create({ location_id: payaLocationId, last_name: 'Jones', contact: {} } as never),
      );
      expect(contact.fieldErrors).toEqual({ contact: [envelope] });
      const typo = await settleErr(
        paya.transactions.sale(cardSale({ product_transction_id: productId }) as never),
      );
      expect(typo.fieldErrors).toEqual({
        product_transction_id: ["is misspelled in Paya's guide: send product_transaction_id"],
      });
      expect(server.requests).toEqual([]);
    },
    testTimeout,
  );
});

/** Values of the wrong type, size or shape for almost any field. */
const wrongValues: readonly unknown[] = [true, 'x', -1, 1.5, [], {}, 'x'.repeat(300), [true], null];

/** Inputs that break each field of an operation's input, one field at a time, plus whole-input mistakes. */
function wrongInputs(schema: Record<string, unknown>): unknown[] {
  const properties = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  return [
    'text',
    42,
    [],
    { definitelyNotAField: 1 },
    ...properties.flatMap((property) => wrongValues.map((value) => ({ [property]: value }))),
  ];
}

interface AnyClient {
  readonly operations: readonly { id: string }[];
  execute(id: string, input: unknown): unknown;
}

/** Runs an operation through `execute`; a list answers with its first page. */
async function runOnce(
  client: AnyClient,
  id: string,
  input: unknown,
): Promise<Result<unknown, PaymentsError>> {
  const running = client.execute(id, input) as
    | PromiseLike<Result<unknown, PaymentsError>>
    | { firstPage(): PromiseLike<Result<unknown, PaymentsError>> };
  return 'firstPage' in running ? running.firstPage() : running;
}

const answerAll: Handler = routes(
  {
    'POST /auth/get-token': connectFiLogin200,
    'POST /v2/sessions': payConnectSession200,
  },
  (_request, response) => sendJson(response, 200, {}),
);

const providers: { name: string; make: (server: TestServer, transport: Transport) => AnyClient }[] = [
  { name: 'paya', make: (server, transport) => payaClient(server, transport) as unknown as AnyClient },
  {
    name: 'leadconnector',
    make: (server, transport) => leadConnectorClient(server, transport) as unknown as AnyClient,
  },
  {
    name: 'payconnect',
    make: (server, transport) => payConnectClient(server, transport) as unknown as AnyClient,
  },
  {
    name: 'connectfi',
    make: (server, transport) => connectFiClient(server, transport) as unknown as AnyClient,
  },
];

describe.each(providers)('every $name validation message says why', ({ make }) => {
  it('over every operation and every field: a reason, never "Invalid input", and a refusal sends nothing', async () => {
    const server = await startServer(answerAll);
    const client = make(server, 'auto');
    let refusals = 0;
    const vague: string[] = [];
    for (const operation of client.operations) {
      const schema = toJsonSchema(operation as never);
      for (const input of wrongInputs(schema)) {
        const before = server.requests.length;
        const result = await runOnce(client, operation.id, input);
        if (result.isOk()) continue;
        const error = result.error;
        if (error.code !== 'validation' && error.code !== 'invalid_response') continue;
        const messages = Object.values(error.fieldErrors ?? {}).flat() as string[];
        const shown = `${operation.id}(${JSON.stringify(input)?.slice(0, 60)})`;
        if (error.code === 'validation') {
          refusals += 1;
          expect(server.requests.length, `${shown} sent a request`).toBe(before);
        }
        for (const message of messages) {
          if (message.trim() === '' || /invalid input/i.test(message)) vague.push(`${shown}: ${message}`);
        }
        if (/Invalid input/.test(error.message)) vague.push(`${shown}: ${error.message}`);
      }
    }
    expect(vague).toEqual([]);
    expect(refusals).toBeGreaterThan(client.operations.length);
  }, 120_000);
});
