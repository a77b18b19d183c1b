import { toJsonSchema, toRows } from '@payweave/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mswHandlers } from '../msw.js';
import { createLedgerClient, createLedgerSimulator } from './ledger.js';

const simulator = createLedgerSimulator();
const server = setupServer(...mswHandlers(simulator));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => simulator.reset());
afterAll(() => server.close());

describe('operations (through msw)', () => {
  it('refuses bad input naming every bad field, and sends nothing', async () => {
    const client = createLedgerClient();
    const result = await client.charges.create({
      amount: '10.005',
      card_number: '12ab',
      extra: true,
    } as never);
    const error = result.unwrapErr();
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['amount', 'card_number', 'extra']);
    expect(error.message).toContain('nothing was sent');
    expect(simulator.log).toHaveLength(0);
  });

  it('sends the declared method, path, headers and body, and decodes the result', async () => {
    const client = createLedgerClient({ userAgent: 'shop/1.0' });
    const result = await client.charges.create({ amount: 12.5, reference: 'r-1' });
    expect(result.unwrap()).toMatchObject({ amount: '12.5', reference: 'r-1' });
    const [entry] = simulator.log;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/charges',
      body: { charge: { amount: '12.5', reference: 'r-1' } },
    });
    expect(entry?.headers['content-type']).toBe('application/json');
    expect(entry?.headers['user-agent']).toBe('payweave/0.1.0 @payweave/ledger-test/0.0.0 shop/1.0');
  });

  it('passes an id positionally or in the input object, URL-encoded in the path', async () => {
    const client = createLedgerClient();
    await client.charges.retrieve('a/b c');
    await client.charges.retrieve({ id: 'plain' });
    expect(simulator.log.map((entry) => entry.path)).toEqual(['/charges/a%2Fb%20c', '/charges/plain']);
  });

  it('execute runs an operation by id with the same validation; an unknown id is unsupported', async () => {
    const client = createLedgerClient();
    const created = await client.execute('ledger.charges.create', { amount: '1.00' });
    expect(created.isOk()).toBe(true);
    const invalid = await client.execute('ledger.charges.create', { amount: 'x' });
    expect(invalid.unwrapErr().code).toBe('validation');
    const unknown = await client.execute('ledger.nope' as never, {} as never);
    expect((unknown as Awaited<typeof created>).unwrapErr().code).toBe('unsupported');
    expect(client.operations.map((operation) => operation.id)).toEqual([
      'ledger.charges.create',
      'ledger.charges.createOnce',
      'ledger.charges.retrieve',
      'ledger.charges.list',
    ]);
  });

  it('a 200 with an unexpected shape is invalid_response on a read, never a crash', async () => {
    const created = (await createLedgerClient().charges.create({ amount: '1.00' })).unwrap();
    simulator.faults.add({ type: 'replace-body', body: { charge: { id: 5 } } });
    const result = await createLedgerClient().charges.retrieve(created.id);
    const error = result.unwrapErr();
    expect(error.code).toBe('invalid_response');
    expect(error.outcomeUnknown).toBe(false);
    expect(Object.keys(error.fieldErrors ?? {})).toContain('charge.id');
  });

  it('a 200 with an unexpected shape on a write means it probably happened: looked up, not resent', async () => {
    simulator.faults.add({ type: 'replace-body', body: { charge: { id: 5 } } });
    const result = await createLedgerClient().charges.create({ amount: '1.00' });
    expect(result.unwrap()).toMatchObject({ amount: '1.00' });
    expect(simulator.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('a 200 with an unexpected shape on a never-mode write is outcomeUnknown', async () => {
    simulator.faults.add({ type: 'replace-body', body: { charge: { id: 5 } } });
    const result = await createLedgerClient().charges.createOnce({ amount: '1.00' });
    expect(result.unwrapErr()).toMatchObject({
      code: 'invalid_response',
      outcomeUnknown: true,
      retryable: false,
    });
  });

  it('a reset connection through msw is a network error', async () => {
    simulator.faults.resetNext();
    const result = await createLedgerClient({ maxRetries: 0 }).charges.retrieve('x');
    expect(result.unwrapErr().code).toBe('network');
  });

  it('pages through a list with limit/page parameters', async () => {
    const client = createLedgerClient();
    for (let index = 0; index < 25; index += 1) (await client.charges.create({ amount: '1.00' })).unwrap();
    simulator.clearLog();
    const all = await client.charges.list({ page_size: 10 }).toArray({ limit: 100 });
    expect(all.unwrap()).toHaveLength(25);
    expect(simulator.log.map((entry) => entry.search)).toEqual([
      'page_size=10',
      'page_size=10&page=2',
      'page_size=10&page=3',
    ]);
  });

  it('toJsonSchema describes the input', () => {
    const client = createLedgerClient();
    const schema = toJsonSchema(client.operations[0]!);
    expect(schema).toMatchObject({ type: 'object', required: ['amount'], additionalProperties: false });
    expect(Object.keys(schema.properties as object)).toEqual(['amount', 'reference', 'card_number']);
  });

  it('toRows gives workflow rows for records, lists and errors', async () => {
    const client = createLedgerClient();
    const created = await client.charges.create({ amount: '1.00' });
    expect(toRows(created)[0]).toMatchObject({
      status: 'OK',
      statusMessage: 'OK',
      errorMessage: '',
      amount: '1.00',
    });
    expect(
      toRows({ isErr: () => false, isOk: () => true, value: { status: 'Sent', id: 1 } } as never)[0],
    ).toMatchObject({
      status: 'OK',
      providerStatus: 'Sent',
    });
    const page = { items: [{ id: 1 }, { id: 2 }], pagination: { page: 1, totalCount: 2 } };
    const rows = toRows({ isErr: () => false, isOk: () => true, value: page } as never, {
      records: (value: typeof page) => value.items,
      shared: (value: typeof page) => ({ pagination: value.pagination }),
    });
    expect(rows).toEqual([
      { id: 1, pagination: { page: 1, totalCount: 2 }, status: 'OK', statusMessage: 'OK', errorMessage: '' },
      { id: 2, pagination: { page: 1, totalCount: 2 }, status: 'OK', statusMessage: 'OK', errorMessage: '' },
    ]);
    const failed = await client.charges.create({ amount: 'bad' });
    expect(toRows(failed)[0]).toMatchObject({ status: 'ERROR', statusMessage: 'validation' });
  });
});
