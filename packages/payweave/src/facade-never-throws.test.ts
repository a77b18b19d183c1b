import { Err, Ok, PageIterator, PaymentsError, type Result } from '@payweave/core';
import {
  createConnectFiSimulator,
  createLeadConnectorSimulator,
  createPayaSimulator,
  createPayConnectSimulator,
  payaSimulatorDefaults,
} from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayweave } from './create-payweave.js';
import { fromConnectFiPaymentLink } from './payment-requests/from-connectfi-payment-link.js';
import { fromLeadConnectorOrder } from './payment-requests/from-leadconnector-order.js';
import { fromPayaPaylink } from './payment-requests/from-paya-paylink.js';
import { fromPayConnectInvoice } from './payment-requests/from-payconnect-invoice.js';
import { fromLeadConnectorTransaction } from './transactions/from-leadconnector-transaction.js';
import { fromPayaTransaction } from './transactions/from-paya-transaction.js';

// Every simulator is listening, so a request that slipped through would be logged.
const simulators = [
  createPayaSimulator(),
  createPayConnectSimulator(),
  createConnectFiSimulator(),
  createLeadConnectorSimulator(),
] as const;
const [paya, , , leadconnector] = simulators;
const urls = { paya: '', leadconnector: '' };

beforeAll(async () => {
  const [payaUrl, , , leadConnectorUrl] = await Promise.all(
    simulators.map((simulator) => simulator.listen()),
  );
  urls.paya = payaUrl as string;
  urls.leadconnector = leadConnectorUrl as string;
});
afterAll(() => Promise.all(simulators.map((simulator) => simulator.close())));
beforeEach(() => {
  for (const simulator of simulators) simulator.clearLog();
});

const requestsSent = () => simulators.reduce((sum, simulator) => sum + simulator.log.length, 0);

/** Paya and LeadConnector only: PayConnect and connectFi are known to payweave but not configured. */
function twoProviders() {
  return createPayweave({
    providers: {
      paya: { baseUrl: urls.paya, ...paya.credentials },
      leadconnector: {
        baseUrl: urls.leadconnector,
        accessToken: leadconnector.defaults.accessToken,
        locationId: leadconnector.defaults.locationId,
      },
    },
  });
}

/** Awaits a facade call; the test fails if the promise rejects instead of resolving to a Result. */
async function settled<T>(call: () => PromiseLike<T>): Promise<T> {
  let promise: PromiseLike<T>;
  try {
    promise = call();
  } catch (error) {
    return expect.fail(`the call threw synchronously: ${String(error)}`);
  }
  try {
    return await promise;
  } catch (error) {
    return expect.fail(`the promise rejected instead of resolving to a Result: ${String(error)}`);
  }
}

/** The error of a Result that must be an `Err(PaymentsError)`. */
function errorOf(result: unknown): PaymentsError {
  const checked = result as Result<unknown, unknown>;
  expect(checked.isErr()).toBe(true);
  const error = checked.unwrapErr();
  expect(error).toBeInstanceOf(PaymentsError);
  return error as PaymentsError;
}

/**
 * A list call must return a page iterator at once, and report its failure as core's page
 * iterators do: `Err` from `toArray` and `firstPage`, a `PaymentsError` thrown by `for await`.
 */
async function listFailure(call: () => unknown): Promise<PaymentsError> {
  let iterator: unknown;
  expect(() => {
    iterator = call();
  }).not.toThrow();
  expect(iterator).toBeInstanceOf(PageIterator);
  const pages = iterator as PageIterator<unknown>;
  const fromArray = errorOf(await settled(() => pages.toArray({ limit: 5 })));
  const fromFirstPage = errorOf(await settled(() => pages.firstPage()));
  let thrown: unknown;
  try {
    for await (const _item of pages) expect.fail('a failing list yielded a record');
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PaymentsError);
  expect([fromFirstPage.code, (thrown as PaymentsError).code]).toEqual([fromArray.code, fromArray.code]);
  return fromArray;
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

// Hostile first arguments of `retrieve` and `list`, the field the error must name, and a word of the reason.
const hostileRequests: [string, () => unknown, string, RegExp][] = [
  ['no argument', () => undefined, 'provider', /is required \(one of: paya, leadconnector\)/],
  ['null', () => null, 'request', /must be an object.*got null/],
  ['a string', () => 'paya', 'request', /must be an object.*got "paya"/],
  ['a number', () => 42, 'request', /must be an object.*got a number/],
  ['an array', () => ['paya'], 'request', /got an array/],
  ['a function', () => () => 'paya', 'request', /got a function/],
  ['an empty object', () => ({}), 'provider', /is required/],
  ['provider undefined', () => ({ provider: undefined, id: 'x' }), 'provider', /is required/],
  ['provider "__proto__"', () => ({ provider: '__proto__', id: 'x' }), 'provider', /got "__proto__"/],
  ['provider "constructor"', () => ({ provider: 'constructor', id: 'x' }), 'provider', /got "constructor"/],
  ['provider "toString"', () => ({ provider: 'toString', id: 'x' }), 'provider', /got "toString"/],
  [
    'provider "hasOwnProperty"',
    () => ({ provider: 'hasOwnProperty', id: 'x' }),
    'provider',
    /must be one of/,
  ],
  [
    'an unknown provider',
    () => ({ provider: 'stripe', id: 'x' }),
    'provider',
    /must be one of: paya, leadconnector/,
  ],
  ['a provider in capitals', () => ({ provider: 'PAYA', id: 'x' }), 'provider', /got "PAYA"/],
  ['a numeric provider', () => ({ provider: 1, id: 'x' }), 'provider', /got a number/],
  [
    'a provider object that stringifies to "paya"',
    () => ({ provider: { toString: () => 'paya' }, id: 'x' }),
    'provider',
    /got an object/,
  ],
  ['an inherited provider', () => Object.create({ provider: 'paya', id: 'x' }), 'provider', /is required/],
  [
    'an own "__proto__" key',
    () => JSON.parse('{"provider":"paya","id":"x","__proto__":{"polluted":true}}'),
    '__proto__',
    /could change a prototype/,
  ],
  [
    'a "constructor" key',
    () => ({ provider: 'paya', id: 'x', constructor: { prototype: { polluted: true } } }),
    'constructor',
    /could change a prototype/,
  ],
  [
    'a nested "__proto__" key',
    () => JSON.parse('{"provider":"paya","id":"x","filter":{"a":[{"__proto__":{"polluted":true}}]}}'),
    'filter.a.0.__proto__',
    /could change a prototype/,
  ],
  [
    'a getter that throws',
    () => ({
      get provider(): string {
        throw new Error('boom');
      },
    }),
    'request',
    /could not be read/,
  ],
  ['a revoked proxy', revokedProxy, 'request', /could not be read/],
];

// A list with no provider and no filter walks every provider (see create-payweave.test.ts):
// for `list`, these requests are not hostile.
const walksEveryProvider = new Set(['no argument', 'an empty object', 'an inherited provider']);
const hostileListRequests = hostileRequests.filter(([name]) => !walksEveryProvider.has(name));

describe('the facade never throws: hostile requests are Err(validation), nothing is sent', () => {
  it.each(hostileRequests)('paymentRequests.retrieve with %s', async (_name, request, field, why) => {
    const pw = twoProviders();
    const error = errorOf(await settled(() => pw.paymentRequests.retrieve(request() as never)));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^payweave\.paymentRequests\.retrieve: /);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(why);
    expect(error.fieldErrors).toHaveProperty([field]);
    expect(requestsSent()).toBe(0);
  });

  it.each(hostileListRequests)('paymentRequests.list with %s', async (_name, request, field, why) => {
    const pw = twoProviders();
    const error = await listFailure(() => pw.paymentRequests.list(request() as never));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^payweave\.paymentRequests\.list: /);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(why);
    expect(requestsSent()).toBe(0);
  });

  it.each(hostileRequests)('transactions.retrieve with %s', async (_name, request, field) => {
    const pw = twoProviders();
    const error = errorOf(await settled(() => pw.transactions.retrieve(request() as never)));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^payweave\.transactions\.retrieve: /);
    expect(error.message).toContain(field);
    expect(requestsSent()).toBe(0);
  });

  it.each(hostileListRequests)('transactions.list with %s', async (_name, request, field) => {
    const pw = twoProviders();
    const error = await listFailure(() => pw.transactions.list(request() as never));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^payweave\.transactions\.list: /);
    expect(error.message).toContain(field);
    expect(requestsSent()).toBe(0);
  });

  it('a list with native filters but no provider names the field and the configured providers', async () => {
    const pw = twoProviders();
    const error = await listFailure(() => pw.paymentRequests.list({ paymentStatus: 'unpaid' } as never));
    expect(error.message).toBe(
      'payweave.paymentRequests.list: provider is required with native filters (one of: paya, leadconnector); a list across providers takes none (got "paymentStatus").',
    );
    expect(error.fieldErrors).toHaveProperty(['provider']);
    expect(requestsSent()).toBe(0);
  });

  it.each([
    ['not an array', 'paya', /must be a non-empty array.*got "paya"/],
    ['empty', [], /must be a non-empty array/],
    ['with a number', ['paya', 1], /got a number/],
    ['with "__proto__"', ['__proto__'], /got "__proto__"/],
    ['with an unknown name', ['stripe'], /got "stripe"/],
    ['with a name twice', ['paya', 'paya'], /names "paya" twice/],
  ])('a list across providers with providers %s is Err(validation)', async (_name, providers, why) => {
    const pw = twoProviders();
    for (const view of [pw.paymentRequests, pw.transactions]) {
      const error = await listFailure(() => view.list({ providers } as never));
      expect(error).toMatchObject({ code: 'validation', fieldErrors: { providers: [expect.any(String)] } });
      expect(error.message).toMatch(why);
    }
    const both = await listFailure(() =>
      pw.transactions.list({ provider: 'paya', providers: ['paya'] } as never),
    );
    expect(both).toMatchObject({ code: 'validation', fieldErrors: { providers: [expect.any(String)] } });
    expect(requestsSent()).toBe(0);
  });

  it.each([
    ['missing', { provider: 'paya' }, /got undefined/],
    ['undefined', { provider: 'paya', id: undefined }, /got undefined/],
    ['null', { provider: 'leadconnector', id: null }, /got null/],
    ['a number', { provider: 'paya', id: 42 }, /got a number/],
    ['empty', { provider: 'paya', id: '' }, /got ""/],
    ['blank', { provider: 'leadconnector', id: '   ' }, /must be a non-empty string/],
    ['an object', { provider: 'paya', id: { toString: () => 'x' } }, /got an object/],
  ])('retrieve with an id that is %s', async (_name, request, why) => {
    const pw = twoProviders();
    for (const view of [pw.paymentRequests, pw.transactions]) {
      const error = errorOf(await settled<unknown>(() => view.retrieve(request as never)));
      expect(error).toMatchObject({ code: 'validation', fieldErrors: { id: [expect.any(String)] } });
      expect(error.message).toMatch(/: id must be a non-empty string/);
      expect(error.message).toMatch(why);
    }
    expect(requestsSent()).toBe(0);
  });

  it.each([
    ['null', null],
    ['a string', 'fast'],
    ['a number', 1000],
    ['an array', []],
  ])('options that are %s', async (_name, options) => {
    const pw = twoProviders();
    const retrieved = errorOf(
      await settled(() => pw.transactions.retrieve({ provider: 'paya', id: 'x' }, options as never)),
    );
    expect(retrieved).toMatchObject({ code: 'validation', fieldErrors: { options: [expect.any(String)] } });
    const listed = await listFailure(() =>
      pw.paymentRequests.list({ provider: 'leadconnector' }, options as never),
    );
    expect(listed.message).toMatch(/options must be an object/);
    expect(requestsSent()).toBe(0);
  });

  it('a provider payweave knows but that is not configured, or cannot serve the view, is unsupported', async () => {
    const pw = twoProviders();
    const notConfigured = errorOf(
      await settled(() => pw.paymentRequests.retrieve({ provider: 'payconnect' as never, id: 'x' })),
    );
    expect(notConfigured).toMatchObject({ code: 'unsupported', provider: 'payconnect' });
    const listed = await listFailure(() => pw.paymentRequests.list({ provider: 'connectfi' } as never));
    expect(listed).toMatchObject({ code: 'unsupported', provider: 'connectfi' });
    const noTransactions = errorOf(
      await settled(() => pw.transactions.retrieve({ provider: 'payconnect' as never, id: 'x' })),
    );
    expect(noTransactions.code).toBe('unsupported');
    const notServed = await listFailure(() =>
      pw.paymentRequests.list({ providers: ['paya', 'connectfi'] } as never),
    );
    expect(notServed).toMatchObject({ code: 'unsupported', provider: 'connectfi' });
    const none = createPayweave({ providers: {} });
    const empty = await listFailure(() => none.transactions.list());
    expect(empty).toMatchObject({ code: 'unsupported' });
    expect(empty.message).toBe('payweave.transactions.list: no configured provider serves transactions.');
    const noProvider = errorOf(await settled(() => none.transactions.retrieve(undefined as never)));
    expect(noProvider.message).toBe(
      'payweave.transactions.retrieve: provider is required (one of: none is configured).',
    );
    expect(requestsSent()).toBe(0);
  });

  it('no prototype was polluted by any of the above', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a good request still goes through', async () => {
    const pw = twoProviders();
    const listed = await settled(() =>
      pw.transactions.list({ provider: 'leadconnector' }).toArray({ limit: 2 }),
    );
    expect(listed.isOk()).toBe(true);
    expect(leadconnector.log.length).toBeGreaterThan(0);
  });
});

describe('execute never throws', () => {
  it.each([
    ['undefined', undefined, /got undefined/],
    ['null', null, /got null/],
    ['a number', 42, /got a number/],
    ['an object', { id: 'paya.transactions.retrieve' }, /got an object/],
    ['empty', '', /got ""/],
  ])('an id that is %s is a validation error, awaited or iterated', async (_name, id, why) => {
    const pw = twoProviders();
    const awaited = errorOf(
      await settled(() => pw.execute(id as never, {} as never) as PromiseLike<unknown>),
    );
    expect(awaited).toMatchObject({ code: 'validation', fieldErrors: { id: [expect.any(String)] } });
    expect(awaited.message).toMatch(/^payweave\.execute: id must be an operation id/);
    expect(awaited.message).toMatch(why);
    const iterated = await listFailure(() => pw.execute(id as never, {} as never));
    expect(iterated.code).toBe('validation');
    expect(requestsSent()).toBe(0);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'paya.__proto__',
    'paya.transactions.__proto__',
    'stripe.charges.list',
    'payconnect.invoices.retrieve', // a real operation of a provider that is not configured
  ])('the unknown id %s is unsupported, awaited or iterated', async (id) => {
    const pw = twoProviders();
    const awaited = errorOf(
      await settled(() => pw.execute(id as never, {} as never) as PromiseLike<unknown>),
    );
    expect(awaited.code).toBe('unsupported');
    expect((await listFailure(() => pw.execute(id as never, {} as never))).code).toBe('unsupported');
    expect(requestsSent()).toBe(0);
  });

  it.each([
    ['no input', undefined],
    ['null input', null],
    ['a string input', 'x'],
    ['an input with an own "__proto__" key', JSON.parse('{"id":"x","__proto__":{"polluted":true}}')],
    ['an input with a nested "constructor" key', { id: 'x', extra: { constructor: { prototype: {} } } }],
    ['a revoked proxy as input', revokedProxy()],
  ])('a single call with %s resolves to Err(validation)', async (_name, input) => {
    const pw = twoProviders();
    const error = errorOf(await settled(() => pw.execute('paya.transactions.retrieve', input as never)));
    expect(error.code).toBe('validation');
    expect(requestsSent()).toBe(0);
  });

  it('a list with hostile input or options fails when iterated, not when called', async () => {
    const pw = twoProviders();
    const polluted = JSON.parse('{"limit":2,"__proto__":{"polluted":true}}');
    const error = await listFailure(() => pw.execute('leadconnector.orders.list', polluted));
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { __proto__: [expect.any(String)] } });
    const badOptions = await listFailure(() =>
      pw.execute('leadconnector.orders.list', { limit: 2 }, 'fast' as never),
    );
    expect(badOptions.message).toMatch(/options must be an object/);
    const retrieveOptions = errorOf(
      await settled(() => pw.execute('paya.transactions.retrieve', { id: 'x' }, null as never)),
    );
    expect(retrieveOptions.code).toBe('validation');
    expect(requestsSent()).toBe(0);
  });
});

// A client that looks like a provider client (it has `operations` and `execute`) and throws everywhere.
function throwingClient(kind: 'throw' | 'reject' | 'bad pages') {
  const boom = () => {
    throw new TypeError('boom');
  };
  const single = kind === 'throw' ? boom : () => Promise.reject(new TypeError('boom'));
  const pages = () =>
    kind === 'throw'
      ? boom()
      : new PageIterator<unknown, unknown>(undefined, () => Promise.reject(new TypeError('boom')));
  const operation = (id: string, paging?: object) => ({
    id,
    method: 'GET',
    path: '/x',
    summary: 'x',
    retry: 'safe',
    input: undefined,
    paging,
  });
  return {
    operations: [
      operation('paya.transactions.retrieve'),
      operation('paya.transactions.list', { items: () => [], next: () => undefined }),
    ],
    execute: (id: string) => (id.endsWith('.list') ? pages() : single()),
    paylinks: { retrieve: single, list: pages },
    transactions: { retrieve: single, list: pages },
  };
}

describe('anything thrown inside becomes an Err', () => {
  it.each(['throw', 'reject', 'bad pages'] as const)('a client that fails with "%s"', async (kind) => {
    const pw = createPayweave({ providers: { paya: throwingClient(kind) as never } });
    for (const view of [pw.paymentRequests, pw.transactions]) {
      const retrieved = errorOf(await settled<unknown>(() => view.retrieve({ provider: 'paya', id: 'x' })));
      expect(retrieved.code).toBe('provider_error');
      expect(retrieved.cause).toBeInstanceOf(TypeError);
      expect(retrieved.message).not.toContain('boom');
      const listed = await listFailure(() =>
        (view.list as (request?: object) => unknown)({ provider: 'paya' }),
      );
      expect(listed).toMatchObject({ code: 'provider_error', provider: 'paya' });
      // A list across providers ends with the failing provider's error, never skipping it.
      const across = await listFailure(() => view.list());
      expect(across).toMatchObject({ code: 'provider_error', provider: 'paya' });
    }
    const executed = errorOf(await settled(() => pw.execute('paya.transactions.retrieve', { id: 'x' })));
    expect(executed.code).toBe('provider_error');
    const pages = await listFailure(() => pw.execute('paya.transactions.list', {}));
    expect(pages.code).toBe('provider_error');
  });

  it('a record that cannot be mapped is not a crash', async () => {
    const odd = { toString: 1, valueOf: 1 }; // String(odd) throws
    const record = { _id: odd, id: odd, status_id: odd, created_ts: 1e300, amount: odd, currency: odd };
    const client = {
      operations: [],
      execute: () => Promise.resolve(Ok(record)),
      paylinks: { retrieve: () => Promise.resolve(Ok(record)) },
      transactions: { retrieve: () => Promise.resolve(Ok(record)) },
    };
    const pw = createPayweave({ providers: { paya: client as never } });
    const request = await settled(() => pw.paymentRequests.retrieve({ provider: 'paya', id: 'x' }));
    expect(request.unwrap()).toMatchObject({ provider: 'paya', id: '', createdAt: undefined });
    const transaction = await settled(() => pw.transactions.retrieve({ provider: 'paya', id: 'x' }));
    expect(transaction.unwrap()).toMatchObject({ provider: 'paya', id: '', status: { unified: 'unknown' } });
  });

  it('the exported record mappers accept anything', () => {
    const odd = { toString: 1, valueOf: 1 };
    const records: unknown[] = [
      null,
      undefined,
      'x',
      42,
      [],
      {},
      { _id: odd, id: odd, invoiceId: odd, cFiTransactionId: odd, status_id: odd, status: odd },
      { created_ts: 1e300, createdAt: odd, amount: Number.NaN, amount_due: '1e400', currency: '__proto__' },
      JSON.parse('{"__proto__":{"status":"paid"},"paymentStatus":"constructor","status":"toString"}'),
    ];
    const mappers = [
      fromPayaPaylink,
      fromPayConnectInvoice,
      fromConnectFiPaymentLink,
      fromLeadConnectorOrder,
      fromPayaTransaction,
      fromLeadConnectorTransaction,
    ];
    for (const mapper of mappers) {
      for (const record of records) {
        const view = (mapper as (record: unknown) => { id: string; status: { unified: string } })(record);
        expect(typeof view.id).toBe('string');
        expect(typeof view.status.unified).toBe('string');
      }
    }
  });

  it('createPayweave refuses bad settings with a configuration error, never a TypeError', () => {
    for (const settings of [
      undefined,
      null,
      'paya',
      {},
      { providers: null },
      { providers: 'paya' },
      { providers: { constructor: {} } },
      { providers: { toString: {} } },
      { providers: JSON.parse('{"__proto__":{}}') },
      { providers: { paya: null } },
      { providers: { paya: 'key' } },
    ]) {
      expect(() => createPayweave(settings as never)).toThrow(
        expect.objectContaining({ code: 'configuration' }),
      );
    }
  });

  it('a test double used as the facade result is still a Result', async () => {
    // Guards against a helper bug: errorOf must see the Err of a plain Result.
    expect(errorOf(Err(new PaymentsError({ code: 'validation', message: 'x' }))).code).toBe('validation');
  });
});

describe('execute keeps withResponse()', () => {
  it('a single call through execute gives the response metadata of a success', async () => {
    const pw = twoProviders();
    const call = pw.execute('paya.contacts.create', {
      location_id: payaSimulatorDefaults.locationId,
      last_name: 'Facade',
    });
    const { result, response } = await settled(() => call.withResponse());
    expect(result.isOk()).toBe(true);
    expect(response).toMatchObject({ httpStatus: expect.any(Number), attempts: [expect.any(Object)] });
    expect(paya.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('a bad id answers withResponse() with the error and no response, nothing sent', async () => {
    const pw = twoProviders();
    const call = pw.execute('paya.nothing.here' as never, {} as never) as unknown as {
      withResponse(): Promise<{ result: Result<unknown, PaymentsError>; response: unknown }>;
    };
    const { result, response } = await settled(() => call.withResponse());
    expect(errorOf(result).code).toBe('unsupported');
    expect(response).toBeUndefined();
    expect(requestsSent()).toBe(0);
  });
});
