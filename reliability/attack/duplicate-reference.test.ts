import { afterAll, describe, expect, it } from 'vitest';
import { settleErr, settleOk } from './support/assertions.js';
import { cardSale, payaClient, payaList, payaTransaction, transports } from './support/clients.js';
import {
  closeAllServers,
  type Recorded,
  resetConnection,
  routes,
  sendJson,
  startPair,
} from './support/servers.js';

// Paya documents transaction_api_id as unique per location. When the first sale was recorded but
// its answer lost, and the lookup does not see it yet (the provider's index lags), the one resend
// is refused as a duplicate. That refusal means "already done": the SDK looks it up again and
// never hands the caller an error they might "fix" by retrying with a new reference.

afterAll(closeAllServers);

const testTimeout = 10_000;
const createdId = '11eb0000c0ffee00000000d1';

function referenceOf(request: Recorded): string {
  return (JSON.parse(request.body) as { transaction: { transaction_api_id: string } }).transaction
    .transaction_api_id;
}

describe.each(transports)('a resend refused as a duplicate reference ($transport)', ({ transport }) => {
  for (const indexed of [true, false]) {
    it(
      indexed
        ? 'is looked up again and the recorded sale is returned (two POSTs, one sale)'
        : 'is outcomeUnknown with the reference when the record is still not visible',
      async () => {
        let recorded: string | undefined;
        let lookups = 0;
        const { provider, attacker } = await startPair(
          routes({
            'POST /v2/transactions': (request, response, incoming) => {
              const reference = referenceOf(request);
              if (recorded === undefined) {
                recorded = reference;
                resetConnection(incoming);
                return;
              }
              sendJson(response, 422, {
                errors: { transaction_api_id: [`Transaction Api Id "${reference}" has already been taken.`] },
              });
            },
            'GET /v2/transactions': (_request, response) => {
              lookups += 1;
              // The first lookup misses the sale; the second sees it only when it is indexed.
              const visible = indexed && lookups > 1;
              sendJson(
                response,
                200,
                payaList(visible ? [payaTransaction({ id: createdId, transaction_api_id: recorded })] : []),
              );
            },
          }),
        );
        const paya = payaClient(provider, transport);
        const posts = () => provider.requests.filter((request) => request.method === 'POST');

        if (indexed) {
          const sale = await settleOk(paya.transactions.sale(cardSale()));
          expect(sale).toMatchObject({ id: createdId });
        } else {
          const error = await settleErr(paya.transactions.sale(cardSale()));
          expect(error).toMatchObject({ outcomeUnknown: true, retryable: false, reference: recorded });
          expect(error.message).toMatch(/duplicate of this reference/);
        }
        expect(posts()).toHaveLength(2);
        expect(posts().map(referenceOf)).toEqual([recorded, recorded]);
        expect(lookups).toBe(2);
        expect(attacker.requests).toHaveLength(0);
      },
      testTimeout,
    );
  }
});
