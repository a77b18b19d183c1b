import {
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
  seedPaymentLinkId,
} from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectFi } from '../index.js';

const simulator = createConnectFiSimulator();
const objectShaped = createConnectFiSimulator({ listShape: 'object' });
let baseUrl = '';
let objectUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
  objectUrl = await objectShaped.listen();
});
afterAll(async () => {
  await simulator.close();
  await objectShaped.close();
});
beforeEach(() => {
  simulator.reset();
  objectShaped.reset();
});

const client = (url = baseUrl) =>
  createConnectFi({
    baseUrl: url,
    login: connectFiSimulatorLogin,
    password: connectFiSimulatorPassword,
    backoffBaseMs: 1,
    maxRetries: 0,
  });
const calls = (path: string) => simulator.log.filter((entry) => entry.path === path);
const idOf = (status: string) =>
  simulator.state.payments.find((payment) => payment.status === status)!.cFiTransactionId;

describe('setRefundStatus', () => {
  it('posts to refund-set-status with the same body rules', async () => {
    const connectfi = client();
    const refund = simulator.state.refunds.find((candidate) => candidate.status === 'SentToPay')!;
    const result = await connectfi.paymentLinks.setRefundStatus({
      cFiTransactionId: refund.cFiTransactionId,
      status: 'Completed',
      description: 'Refund confirmed',
    });
    expect(result.unwrap()).toMatchObject({ cFiTransactionId: refund.cFiTransactionId, status: 'Completed' });
    expect(calls('/payment-link/payment/refund-set-status')[0]?.body).toEqual({
      cFiTransactionId: refund.cFiTransactionId,
      status: 'Completed',
      description: 'Refund confirmed',
    });
    const initiated = simulator.state.refunds.find((candidate) => candidate.status === 'Initiated')!;
    const refused = await connectfi.paymentLinks.setRefundStatus({
      cFiTransactionId: initiated.cFiTransactionId,
      status: 'Completed',
      description: null,
    });
    expect(refused.unwrapErr()).toMatchObject({ code: 'conflict', providerCode: 'paymentStatus' });
    simulator.clearLog();
    expect(
      (
        await connectfi.paymentLinks.setRefundStatus({
          cFiTransactionId: 'x',
          status: 'Sent',
          description: null,
        } as never)
      ).unwrapErr().code,
    ).toBe('validation');
    expect(simulator.log).toHaveLength(0);
  });
});

describe('cancel', () => {
  it.each(['Initiated', 'Sent', 'Processing'])('cancels a link in %s', async (status) => {
    const connectfi = client();
    const id = idOf(status);
    const payment = (await connectfi.paymentLinks.cancel(id)).unwrap();
    expect(payment.status).toBe('Cancelled');
    expect(calls('/payment-link/payment/cancel')[0]?.body).toEqual({ cFiTransactionId: id });
  });

  it('refuses client-side a known current status that cannot be cancelled (nothing sent)', async () => {
    const connectfi = client();
    const error = (
      await connectfi.paymentLinks.cancel(idOf('Completed'), { currentStatus: 'Completed' })
    ).unwrapErr();
    expect(error.code).toBe('validation');
    expect(error.fieldErrors?.currentStatus?.[0]).toContain('only Initiated, Sent, Processing');
    expect(simulator.log).toHaveLength(0);
  });

  it('without a current status the provider decides: paymentStatus -> conflict', async () => {
    const connectfi = client();
    const error = (await connectfi.paymentLinks.cancel({ cFiTransactionId: idOf('Settled') })).unwrapErr();
    expect(error).toMatchObject({
      code: 'conflict',
      httpStatus: 400,
      providerCode: 'paymentStatus',
      operation: 'connectfi.paymentLinks.cancel',
    });
    expect((await connectfi.paymentLinks.cancel('Missing_1')).unwrapErr()).toMatchObject({
      code: 'not_found',
      providerCode: 'paymentNotFound',
    });
  });
});

describe('list', () => {
  it('pages with numberOfRecords / skipRecords in the body until a short page', async () => {
    const connectfi = client();
    const all = (
      await connectfi.paymentLinks.list({ numberOfRecords: 10 }).toArray({ limit: 1000 })
    ).unwrap();
    expect(all).toHaveLength(simulator.state.payments.length);
    expect(new Set(all.map((payment) => payment.cFiTransactionId)).size).toBe(all.length);
    expect(calls('/payment-link/payment/list').map((entry) => entry.body)).toEqual([
      { numberOfRecords: 10, skipRecords: 0 },
      { numberOfRecords: 10, skipRecords: 10 },
      { numberOfRecords: 10, skipRecords: 20 },
    ]);
  });

  it('sends filters as given and walks every page', async () => {
    const connectfi = client();
    const settled: string[] = [];
    for await (const payment of connectfi.paymentLinks.list({ status: 'Settled', numberOfRecords: 1 }))
      settled.push(payment.status);
    const expected = simulator.state.payments.filter((payment) => payment.status === 'Settled').length;
    expect(settled).toEqual(Array(expected).fill('Settled'));
    expect(calls('/payment-link/payment/list')[0]?.body).toEqual({
      status: 'Settled',
      numberOfRecords: 1,
      skipRecords: 0,
    });
    simulator.clearLog();
    const filters = {
      payerName: 'doe',
      amountFrom: 1,
      amountTo: 500,
      paymentType: 'ach' as const,
      dateCreateFrom: '2024-07-01',
      dueDateTo: '2024-12-31',
    };
    const found = (await connectfi.paymentLinks.list(filters).toArray({ limit: 100 })).unwrap();
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every((payment) => payment.payerName?.startsWith('Doe') && payment.paymentType === 'ach'),
    ).toBe(true);
    expect(calls('/payment-link/payment/list')[0]?.body).toEqual({
      ...filters,
      numberOfRecords: 100,
      skipRecords: 0,
    });
  });

  it('accepts data as an object holding the array, using its count', async () => {
    const connectfi = client(objectUrl);
    const all = (await connectfi.paymentLinks.list({ numberOfRecords: 5 }).toArray({ limit: 1000 })).unwrap();
    expect(all).toHaveLength(objectShaped.state.payments.length);
    const pages = objectShaped.log.filter((entry) => entry.path === '/payment-link/payment/list');
    // The count says when to stop: no request for an empty page after the last full one.
    expect(pages).toHaveLength(Math.ceil(objectShaped.state.payments.length / 5));
    const first = (await connectfi.paymentLinks.list({ numberOfRecords: 5 }).firstPage()).unwrap();
    expect(first.totalCount).toBe(objectShaped.state.payments.length);
  });

  it('refuses numberOfRecords over 1000 client-side; maps greaterNumberOfRecords from the provider', async () => {
    const connectfi = client();
    const refused = await connectfi.paymentLinks.list({ numberOfRecords: 1001 }).toArray({ limit: 1 });
    expect(refused.unwrapErr().fieldErrors).toHaveProperty('numberOfRecords');
    expect(simulator.log).toHaveLength(0);
    simulator.faults.failNext(1, 400, {
      body: {
        requestId: 'r1',
        code: 'greaterNumberOfRecords',
        context: { maxNumberOfRecords: 1000 },
        message: 'Too many',
      },
      match: { path: '/payment-link/payment/list' },
    });
    const mapped = await connectfi.paymentLinks.list().toArray({ limit: 1 });
    expect(mapped.unwrapErr()).toMatchObject({
      code: 'invalid_request',
      providerCode: 'greaterNumberOfRecords',
      requestId: 'r1',
      fieldErrors: { numberOfRecords: ['must be at most 1000'] },
    });
  });
});

describe('retrieve', () => {
  it('finds one link through list by cFiTransactionId', async () => {
    const connectfi = client();
    const payment = (await connectfi.paymentLinks.retrieve(seedPaymentLinkId)).unwrap();
    expect(payment).toMatchObject({
      cFiTransactionId: seedPaymentLinkId,
      status: 'Error',
      payerName: 'Doe John',
    });
    expect(calls('/payment-link/payment/list')[0]?.body).toEqual({
      cFiTransactionId: seedPaymentLinkId,
      numberOfRecords: 10,
      skipRecords: 0,
    });
    const viaExecute = await connectfi.execute('connectfi.paymentLinks.retrieve', {
      cFiTransactionId: seedPaymentLinkId,
    });
    expect(viaExecute.unwrap().cFiTransactionId).toBe(seedPaymentLinkId);
  });

  it('is not_found when list holds no such link; a bad id is refused before sending', async () => {
    const connectfi = client();
    expect((await connectfi.paymentLinks.retrieve({ cFiTransactionId: 'Nope_1' })).unwrapErr()).toMatchObject(
      {
        code: 'not_found',
        operation: 'connectfi.paymentLinks.retrieve',
      },
    );
    expect(
      (await connectfi.execute('connectfi.paymentLinks.retrieve', { cFiTransactionId: 'Nope_1' })).unwrapErr()
        .code,
    ).toBe('not_found');
    simulator.clearLog();
    expect((await connectfi.paymentLinks.retrieve('has space')).unwrapErr().code).toBe('validation');
    expect(simulator.log).toHaveLength(0);
  });
});
