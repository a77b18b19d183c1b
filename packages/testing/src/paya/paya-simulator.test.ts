import { describe, expect, it } from 'vitest';
import { namedRange } from './paya-sim-query.js';
import { createPayaSimulator } from './paya-simulator.js';

function request(
  simulator: ReturnType<typeof createPayaSimulator>,
  method: string,
  path: string,
  query = '',
  body?: unknown,
  headers?: Record<string, string>,
) {
  const { userId, userApiKey, developerId } = simulator.credentials;
  return simulator.handle({
    method,
    path,
    query: new URLSearchParams(query),
    headers: headers ?? { 'user-id': userId, 'user-api-key': userApiKey, 'developer-id': developerId },
    body,
    rawBody: body === undefined ? '' : JSON.stringify(body),
  });
}

function responseOf(outcome: Awaited<ReturnType<typeof request>>) {
  if (outcome.kind !== 'respond') throw new Error(`unexpected ${outcome.kind}`);
  return outcome.response as { status: number; body: Record<string, unknown> };
}

describe('Paya simulator', () => {
  it('answers 401 without the three auth headers', async () => {
    const simulator = createPayaSimulator();
    const answer = responseOf(
      await request(simulator, 'GET', '/v2/locationinfos', '', undefined, { 'user-id': 'x' }),
    );
    expect(answer).toMatchObject({ status: 401, body: { name: 'Unauthorized' } });
  });

  it('seeds 100,000 transactions and serves them 1,000 a page with meta.pagination', async () => {
    const simulator = createPayaSimulator({ now: () => 1_700_000_000 });
    simulator.seedTransactions(100_000);
    expect(simulator.state.transactions).toHaveLength(100_000);
    const answer = responseOf(await request(simulator, 'GET', '/v2/transactions', 'page=100&page_size=1000'));
    const transactions = answer.body.transactions as { created_ts: number }[];
    expect(transactions).toHaveLength(1000);
    expect(transactions[0]!.created_ts).toBeGreaterThan(transactions[999]!.created_ts);
    expect(answer.body.meta).toMatchObject({
      pagination: { totalCount: 100_000, pageCount: 100, perPage: 1000, currentPage: 99 },
    });
  });

  it('applies OR lists, ranges and named date ranges', async () => {
    const now = 1_700_000_000;
    const simulator = createPayaSimulator({ now: () => now });
    simulator.seedTransactions(10, { amountCents: 1050 });
    simulator.seedTransactions(5, { amountCents: 500, status_id: 301, newestTs: now - 40 * 86_400 });
    const count = async (query: string) =>
      (
        responseOf(await request(simulator, 'GET', '/v2/transactions', query)).body.meta as {
          pagination: { totalCount: number };
        }
      ).pagination.totalCount;
    expect(await count('status_id=101,301')).toBe(15);
    expect(await count('transaction_amount=10.00|10.99')).toBe(10);
    expect(await count('created_ts=last%2030%20days')).toBe(10);
    expect(
      await count(
        `created_ts=custom&created_ts_from=${now - 41 * 86_400}&created_ts_to=${now - 39 * 86_400}`,
      ),
    ).toBe(5);
    const bad = responseOf(await request(simulator, 'GET', '/v2/transactions', 'created_ts=someday'));
    expect(bad).toMatchObject({ status: 422, body: { errors: { created_ts: [expect.any(String)] } } });
    expect(namedRange('yesterday', now)).toEqual([now - (now % 86_400) - 86_400, now - (now % 86_400) - 1]);
  });

  it('answers 422 with Paya error bodies and 400 for a body that is not JSON', async () => {
    const simulator = createPayaSimulator();
    const invalid = responseOf(
      await request(simulator, 'POST', '/v2/transactions', '', {
        transaction: { action: 'sale', payment_method: 'cc' },
      }),
    );
    expect(invalid).toMatchObject({
      status: 422,
      body: { errors: { transaction_amount: [expect.any(String)], account_number: [expect.any(String)] } },
    });
    const malformed = responseOf(await request(simulator, 'POST', '/v2/contacts', '', 'not json'));
    expect(malformed.status).toBe(400);
  });
});
