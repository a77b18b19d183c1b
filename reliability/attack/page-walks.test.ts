import type { PaymentsError, Result } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type AttackError, errOf, settle, settleErr, settleOk } from './support/assertions.js';
import {
  connectFiClient,
  connectFiLogin200,
  leadConnectorClient,
  payaClient,
  payaLocationId,
  payaTransaction,
  payConnectClient,
  payConnectSession200,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Recorded,
  routes,
  sendJson,
  startPair,
  type TestServer,
} from './support/servers.js';

// DESIGN.md section 12: no unbounded page walk. A provider that announces a billion pages,
// answers the same page again, or never moves its page forward must not make the client send
// requests until the caller aborts. Every walk here ends with a PaymentsError (or, for a page
// without records, a normal end) after a number of requests the test counts: no clock.

afterAll(closeAllServers);

const testTimeout = 15_000;

/** Options the rebuilt core reads on list calls (`maxPages`); typed loosely so this suite compiles either way. */
const withMaxPages = (maxPages: number) => ({ maxPages }) as never;

/** Walks every record with `for await` and returns the PaymentsError it throws (fails the test if none). */
async function walkError(iterator: AsyncIterable<unknown>): Promise<AttackError> {
  let items = 0;
  try {
    for await (const _item of iterator) items += 1;
  } catch (error) {
    return errOf({ isOk: () => false, isErr: () => true, error } as unknown as Result<never, PaymentsError>);
  }
  return expect.fail(`the walk ended without an error after ${items} records`);
}

const requestsTo = (server: TestServer, path: string) =>
  server.requests.filter((request) => request.path === path);
const bodyOf = (request: Recorded) => JSON.parse(request.body) as Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// PayConnect: POST /v2/invoices/search { filters, page, pageSize } -> { invoices, pagination }
// ---------------------------------------------------------------------------------------------

const searchPath = '/v2/invoices/search';
const invoices = (page: number, size = 3) =>
  Array.from({ length: size }, (_, index) => ({ invoiceId: `inv_${page}_${index}`, status: 'Sent' }));

function payConnectSearch(answer: (requestedPage: number) => unknown) {
  return routes({
    'POST /v2/sessions': payConnectSession200,
    [`POST ${searchPath}`]: (request, response) =>
      sendJson(response, 200, answer(Number(bodyOf(request).page))),
  });
}

describe.each(transports)('PayConnect search walks end ($transport)', ({ transport }) => {
  it(
    'a server answering page 1 forever: invalid_response naming the operation after 2 searches',
    async () => {
      const { provider, attacker } = await startPair(
        payConnectSearch(() => ({
          invoices: invoices(1),
          pagination: { page: 1, pageSize: 3, totalCount: 30, totalPages: 10 },
        })),
      );
      const payconnect = payConnectClient(provider, transport);

      const error = await walkError(payconnect.invoices.search({ filters: {}, pageSize: 3 }));

      expect(error.code).toBe('invalid_response');
      expect(error.operation).toBe('payconnect.invoices.search');
      expect(error.message).toBe(
        'payconnect.invoices.search: page 2 repeats page 1 (the same records); the walk stopped.',
      );
      const searches = requestsTo(provider, searchPath);
      expect(searches.length).toBeLessThanOrEqual(3);
      // The page asked for comes from our own request, never from the response's page number.
      expect(searches.map((request) => bodyOf(request).page)).toEqual([1, 2]);
      expect(attacker.requests).toEqual([]);
    },
    testTimeout,
  );

  it(
    'a server echoing "page 1" over different records: pages follow our request (1, 2, 3) and the walk ends Ok',
    async () => {
      const { provider } = await startPair(
        payConnectSearch((page) => ({
          invoices: invoices(page),
          pagination: { page: 1, pageSize: 3, totalCount: 9, totalPages: 3 },
        })),
      );
      const payconnect = payConnectClient(provider, transport);

      const all = await settleOk(
        payconnect.invoices.search({ filters: {}, pageSize: 3 }).toArray({ limit: 100 }),
      );

      expect(all).toHaveLength(9);
      expect(requestsTo(provider, searchPath).map((request) => bodyOf(request).page)).toEqual([1, 2, 3]);
    },
    testTimeout,
  );

  it(
    'a server announcing a billion pages: invalid_response after the first search, which is still delivered',
    async () => {
      const { provider } = await startPair(
        payConnectSearch((page) => ({
          invoices: invoices(page),
          pagination: { page, pageSize: 3, totalCount: 3e9, totalPages: 1e9 },
        })),
      );
      const payconnect = payConnectClient(provider, transport);

      const error = await settleErr(
        payconnect.invoices.search({ filters: {}, pageSize: 3 }).toArray({ limit: 1e6 }),
      );

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(
        /^payconnect\.invoices\.search: the provider announces 3000000000 records, 1000000000 pages of 3, more than maxPages \(10000\)/,
      );
      expect(requestsTo(provider, searchPath)).toHaveLength(1);
      // A caller who wants only the first records gets them.
      const first = await settleOk(
        payconnect.invoices.search({ filters: {}, pageSize: 3 }).toArray({ limit: 2 }),
      );
      expect(first.map((invoice) => invoice.invoiceId)).toEqual(['inv_1_0', 'inv_1_1']);
    },
    testTimeout,
  );

  it(
    'a billion pages with no total and fresh records each time: maxPages bounds the walk exactly',
    async () => {
      const { provider } = await startPair(
        payConnectSearch((page) => ({ invoices: invoices(page), pagination: { page, totalPages: 1e9 } })),
      );
      const payconnect = payConnectClient(provider, transport);

      const error = await settleErr(
        payconnect.invoices.search({ filters: {}, pageSize: 3 }, withMaxPages(4)).toArray({ limit: 1e6 }),
      );

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/maxPages \(4\)/);
      expect(requestsTo(provider, searchPath).map((request) => bodyOf(request).page)).toEqual([1, 2, 3, 4]);
    },
    testTimeout,
  );

  it(
    'workflow.execute over a server answering page 1 forever: the rows, then one ERROR row, after 2 searches',
    async () => {
      const { provider } = await startPair(
        payConnectSearch(() => ({
          invoices: invoices(1),
          pagination: { page: 1, pageSize: 3, totalCount: 30, totalPages: 10 },
        })),
      );
      const payconnect = payConnectClient(provider, transport);

      const rows = await payconnect.workflow.execute('payconnect.invoices.search', {
        options: { status: 'Sent', pageSize: 3 },
      });

      expect(rows.map((row) => row.status)).toEqual(['OK', 'OK', 'OK', 'ERROR']);
      expect(rows[3]).toMatchObject({
        statusMessage: 'invalid_response',
        errorMessage:
          'payconnect.invoices.search: page 2 repeats page 1 (the same records); the walk stopped.',
      });
      expect(requestsTo(provider, searchPath)).toHaveLength(2);
    },
    testTimeout,
  );

  it(
    'workflow.execute over a server with endless fresh pages: maxRows rows, then one ERROR row',
    async () => {
      const { provider } = await startPair(
        payConnectSearch((page) => ({ invoices: invoices(page), pagination: { page, totalPages: 1e9 } })),
      );
      const payconnect = payConnectClient(provider, transport);

      const rows = await payconnect.workflow.execute(
        'payconnect.invoices.search',
        { options: { status: 'Sent', pageSize: 3 } },
        { maxRows: 7 },
      );

      expect(rows).toHaveLength(8);
      expect(rows.slice(0, 7).every((row) => row.status === 'OK')).toBe(true);
      expect(rows[7]).toMatchObject({ status: 'ERROR', statusMessage: 'invalid_response' });
      expect(String(rows[7]?.errorMessage)).toMatch(/maxRows \(7\)/);
      // Three pages hold 9 rows; a prefetched fourth page at most.
      expect(requestsTo(provider, searchPath).length).toBeLessThanOrEqual(4);
    },
    testTimeout,
  );
});

// ---------------------------------------------------------------------------------------------
// Paya: GET /v2/transactions and GET /v2/locationinfos, page/page_size with meta.pagination
// ---------------------------------------------------------------------------------------------

const transactionsPath = '/v2/transactions';
const locationsPath = '/v2/locationinfos';
const hex24 = (page: number, index: number) =>
  `11eb${String(page).padStart(10, '0')}${String(index).padStart(10, '0')}`;
const transactions = (page: number) =>
  Array.from({ length: 10 }, (_, index) => payaTransaction({ id: hex24(page, index) }));
const locations = (page: number) =>
  Array.from({ length: 10 }, (_, index) => ({ id: hex24(page, index), name: `Location ${page}.${index}` }));
const meta = (page: number, pageCount: number, totalCount: number) => ({
  pagination: { totalCount, pageCount, currentPage: page, perPage: 10 },
});
const pageOf = (request: Recorded) => Number(request.query.get('page') ?? '1');

function payaLists(answer: (page: number) => { records: unknown[]; pageCount: number; totalCount: number }) {
  const list = (key: string) => (request: Recorded, response: Parameters<typeof sendJson>[0]) => {
    const page = pageOf(request);
    const { records, pageCount, totalCount } = answer(page);
    sendJson(response, 200, { [key]: records, meta: meta(page, pageCount, totalCount) });
  };
  return { list };
}

describe.each(transports)('Paya list walks end ($transport)', ({ transport }) => {
  it(
    'transactions.list, pageCount 1e9 with the same page again: invalid_response after 2 requests',
    async () => {
      const { list } = payaLists(() => ({ records: transactions(1), pageCount: 1e9, totalCount: 50 }));
      const { provider } = await startPair(routes({ [`GET ${transactionsPath}`]: list('transactions') }));
      const paya = payaClient(provider, transport);

      const error = await walkError(paya.transactions.list());

      expect(error.code).toBe('invalid_response');
      expect(error.message).toBe(
        'paya.transactions.list: page 2 repeats page 1 (the same records); the walk stopped.',
      );
      expect(requestsTo(provider, transactionsPath).map(pageOf)).toEqual([1, 2]);
    },
    testTimeout,
  );

  it(
    'transactions.list, pageCount and totalCount 1e9: invalid_response after 1 request',
    async () => {
      const { list } = payaLists((page) => ({
        records: transactions(page),
        pageCount: 1e9,
        totalCount: 1e10,
      }));
      const { provider } = await startPair(routes({ [`GET ${transactionsPath}`]: list('transactions') }));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.transactions.list().toArray({ limit: 1e6 }));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/^paya\.transactions\.list: the provider announces 10000000000 records/);
      expect(requestsTo(provider, transactionsPath)).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'transactions.list, pageCount 1e9 over twenty records: the walk ends Ok after the twentieth record',
    async () => {
      const { list } = payaLists((page) => ({ records: transactions(page), pageCount: 1e9, totalCount: 20 }));
      const { provider } = await startPair(routes({ [`GET ${transactionsPath}`]: list('transactions') }));
      const paya = payaClient(provider, transport);

      const all = await settleOk(paya.transactions.list().toArray({ limit: 1e6 }));

      expect(all).toHaveLength(20);
      expect(requestsTo(provider, transactionsPath).map(pageOf)).toEqual([1, 2]);
    },
    testTimeout,
  );

  it(
    'transactions.list, pageCount 1e9 with empty pages: the walk ends after 1 request',
    async () => {
      const { list } = payaLists(() => ({ records: [], pageCount: 1e9, totalCount: 1e10 }));
      const { provider } = await startPair(routes({ [`GET ${transactionsPath}`]: list('transactions') }));
      const paya = payaClient(provider, transport);

      expect(await settleOk(paya.transactions.list().toArray({ limit: 1e6 }))).toEqual([]);
      expect(requestsTo(provider, transactionsPath)).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'locationInfos.defaults(id) over repeated pages: invalid_response after 2 requests, never a loop',
    async () => {
      const { list } = payaLists(() => ({ records: locations(1), pageCount: 1e9, totalCount: 50 }));
      const { provider } = await startPair(routes({ [`GET ${locationsPath}`]: list('locationinfos') }));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.locationInfos.defaults(payaLocationId));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toBe(
        'paya.locationInfos.list: page 2 repeats page 1 (the same records); the walk stopped.',
      );
      expect(requestsTo(provider, locationsPath).map(pageOf)).toEqual([1, 2]);
    },
    testTimeout,
  );

  it(
    'locationInfos.defaults(id) with pageCount and totalCount 1e9: invalid_response after 1 request',
    async () => {
      const { list } = payaLists((page) => ({ records: locations(page), pageCount: 1e9, totalCount: 1e10 }));
      const { provider } = await startPair(routes({ [`GET ${locationsPath}`]: list('locationinfos') }));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.locationInfos.defaults(payaLocationId));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/announces 10000000000 records/);
      expect(requestsTo(provider, locationsPath)).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'locationInfos.defaults() with pageCount 1e9 and empty pages: not_found after 1 request',
    async () => {
      const { list } = payaLists(() => ({ records: [], pageCount: 1e9, totalCount: 1e10 }));
      const { provider } = await startPair(routes({ [`GET ${locationsPath}`]: list('locationinfos') }));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.locationInfos.defaults());

      expect(error.code).toBe('not_found');
      expect(requestsTo(provider, locationsPath)).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'locationInfos.defaults(id) over endless fresh pages: maxPages (from the call options) bounds it',
    async () => {
      const { list } = payaLists((page) => ({ records: locations(page), pageCount: 1e9, totalCount: 1e5 }));
      const { provider } = await startPair(routes({ [`GET ${locationsPath}`]: list('locationinfos') }));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.locationInfos.defaults(payaLocationId, withMaxPages(3)));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/maxPages \(3\)/);
      expect(requestsTo(provider, locationsPath).length).toBeLessThanOrEqual(3);
    },
    testTimeout,
  );
});

// ---------------------------------------------------------------------------------------------
// LeadConnector: GET /payments/orders?limit&offset -> { data, totalCount }
// ---------------------------------------------------------------------------------------------

const ordersPath = '/payments/orders';
const orders = (from: number, count = 10) =>
  Array.from({ length: count }, (_, index) => ({
    _id: `ord_${from + index}`,
    status: 'completed',
    amount: 5,
  }));

describe.each(transports)('LeadConnector list walks end ($transport)', ({ transport }) => {
  it(
    'orders.list, total 1e9 with the same records each time: invalid_response after 1 request',
    async () => {
      const { provider } = await startPair(
        routes({
          [`GET ${ordersPath}`]: (_request, response) =>
            sendJson(response, 200, { data: orders(0), totalCount: 1e9 }),
        }),
      );
      const lc = leadConnectorClient(provider, transport);

      const error = await walkError(lc.orders.list({ limit: 10 }));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(
        /^leadconnector\.orders\.list: the provider announces 1000000000 records/,
      );
      expect(requestsTo(provider, ordersPath)).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'orders.list, a plausible total but the offset ignored (same records): invalid_response after 2 requests',
    async () => {
      const { provider } = await startPair(
        routes({
          [`GET ${ordersPath}`]: (_request, response) =>
            sendJson(response, 200, { data: orders(0), totalCount: 500 }),
        }),
      );
      const lc = leadConnectorClient(provider, transport);

      const error = await settleErr(lc.orders.list({ limit: 10 }).toArray({ limit: 1e6 }));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toBe(
        'leadconnector.orders.list: page 2 repeats page 1 (the same records); the walk stopped.',
      );
      const offsets = requestsTo(provider, ordersPath).map((request) => request.query.get('offset') ?? '0');
      expect(offsets).toEqual(['0', '10']);
    },
    testTimeout,
  );
});

// ---------------------------------------------------------------------------------------------
// connectFi: POST /payment-link/payment/list { numberOfRecords, skipRecords } -> { code, data }
// ---------------------------------------------------------------------------------------------

const linksPath = '/payment-link/payment/list';
const links = (from: number, count = 2) =>
  Array.from({ length: count }, (_, index) => ({
    cFiTransactionId: `29ljhq5Apu1YfdtU3wN7y${String.fromCharCode(97 + ((from + index) % 26))}`,
    status: 'SentToPay',
    seq: from + index,
  }));

function connectFiLists(data: (skip: number) => unknown) {
  return routes({
    'POST /auth/get-token': connectFiLogin200,
    [`POST ${linksPath}`]: (request, response) =>
      sendJson(response, 200, {
        code: '0',
        data: data(Number(bodyOf(request).skipRecords ?? 0)),
        requestId: 'r',
      }),
  });
}

describe.each(transports)('connectFi list walks end ($transport)', ({ transport }) => {
  it(
    'paymentLinks.list, full pages of the same records: invalid_response after 2 requests',
    async () => {
      const { provider } = await startPair(connectFiLists(() => ({ payments: links(0) })));
      const connectFi = connectFiClient(provider, transport);

      const error = await walkError(connectFi.paymentLinks.list({ numberOfRecords: 2 }));

      expect(error.code).toBe('invalid_response');
      expect(error.message).toBe(
        'connectfi.paymentLinks.list: page 2 repeats page 1 (the same records); the walk stopped.',
      );
      expect(requestsTo(provider, linksPath).map((request) => bodyOf(request).skipRecords)).toEqual([0, 2]);
    },
    testTimeout,
  );

  it(
    'paymentLinks.list, totalCount 1e9: invalid_response after 1 request',
    async () => {
      const { provider } = await startPair(
        connectFiLists((skip) => ({ payments: links(skip), totalCount: 1e9 })),
      );
      const connectFi = connectFiClient(provider, transport);

      const error = await settleErr(
        connectFi.paymentLinks.list({ numberOfRecords: 2 }).toArray({ limit: 1e6 }),
      );

      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(
        /^connectfi\.paymentLinks\.list: the provider announces 1000000000 records/,
      );
      expect(requestsTo(provider, linksPath)).toHaveLength(1);
    },
    testTimeout,
  );

  it(
    'paymentLinks.list, endless fresh full pages: maxPages bounds the walk',
    async () => {
      const { provider } = await startPair(connectFiLists((skip) => ({ payments: links(skip) })));
      const connectFi = connectFiClient(provider, transport);

      const result = await settle(
        connectFi.paymentLinks.list({ numberOfRecords: 2 }, withMaxPages(3)).toArray({ limit: 1e6 }),
      );

      expect(errOf(result).message).toMatch(/maxPages \(3\)/);
      expect(requestsTo(provider, linksPath)).toHaveLength(3);
    },
    testTimeout,
  );
});
