import {
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
  seedPaymentLinkId,
} from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createConnectFi, manuallySettableStatuses } from '../index.js';
import seedRequest from './fixtures/set-status-request.json';
import seedResponse from './fixtures/set-status-response.json';
import { paymentOutput } from './payment-link-schemas.js';

const simulator = createConnectFiSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createConnectFi({
    baseUrl,
    login: connectFiSimulatorLogin,
    password: connectFiSimulatorPassword,
    backoffBaseMs: 1,
    maxRetries: 0,
  });
const statusCalls = () => simulator.log.filter((entry) => entry.path === '/payment-link/payment/set-status');
const idOf = (status: string) =>
  simulator.state.payments.find(
    (payment) => payment.status === status && payment.cFiTransactionId !== seedPaymentLinkId,
  )!.cFiTransactionId;

describe('setStatus: accepted cases', () => {
  it("sends the seed's example exactly and returns the payment", async () => {
    const connectfi = client();
    const result = await connectfi.paymentLinks.setStatus({
      cFiTransactionId: '29ljhq5Apu1YfdtU3wN7yx',
      status: 'SentToPay',
      description: 'Set to SentToPay',
      manualStatus: true,
    });
    const payment = result.unwrap();
    expect(payment).toMatchObject({
      cFiTransactionId: seedPaymentLinkId,
      status: 'SentToPay',
      manualStatus: true,
    });
    expect(payment.statusChangeHistory?.at(-1)).toMatchObject({
      initiatorType: 'user',
      status: 'SentToPay',
      description: 'Set to SentToPay',
      login: 'CLIENTID',
    });
    const [call] = statusCalls();
    expect(call?.method).toBe('POST');
    expect(call?.rawBody).toBe(JSON.stringify(seedRequest));
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers['x-connectfi-token']).toBe([...simulator.state.tokens.keys()][0]);
    expect(call?.headers.authorization).toBeUndefined();
  });

  it("parses the seed's full response example (fixture) through the envelope", async () => {
    expect(z.safeParse(paymentOutput, seedResponse.data).success).toBe(true);
    const connectfi = client();
    simulator.faults.add(
      { type: 'replace-body', body: seedResponse },
      { match: { path: '/payment-link/payment/set-status' } },
    );
    const payment = (await connectfi.paymentLinks.setStatus(seedRequest as never)).unwrap();
    expect(payment).toEqual(seedResponse.data);
    expect(payment.ach?.payment?.routingNumber).toBe('011401533');
  });

  it.each(manuallySettableStatuses)('moves a link in Error to %s', async (status) => {
    const connectfi = client();
    const id = idOf('Error');
    const payment = (
      await connectfi.paymentLinks.setStatus({ cFiTransactionId: id, status, description: null })
    ).unwrap();
    expect(payment.status).toBe(status);
    expect(statusCalls()[0]?.body).toEqual({ cFiTransactionId: id, status, description: null });
  });

  it('accepts 100 characters, null, and currentStatus (never sent)', async () => {
    const connectfi = client();
    const id = idOf('Completed');
    const description = 'x'.repeat(100);
    (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId: id,
        status: 'Settled',
        description,
        currentStatus: 'Completed',
      })
    ).unwrap();
    expect(statusCalls()[0]?.body).toEqual({ cFiTransactionId: id, status: 'Settled', description });
  });

  it('manualStatus: omitted -> provider default true locks the status; false leaves automatic updates on', async () => {
    const connectfi = client();
    const locked = idOf('Completed');
    const payment = (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId: locked,
        status: 'Settled',
        description: 'manual',
      })
    ).unwrap();
    expect(statusCalls()[0]?.body).not.toHaveProperty('manualStatus');
    expect(payment.manualStatus).toBe(true);
    expect(simulator.processorUpdate(locked, 'Returned')).toBe(false);
    expect(simulator.payment(locked)?.status).toBe('Settled');
    const open = idOf('Returned');
    await connectfi.paymentLinks.setStatus({
      cFiTransactionId: open,
      status: 'Declined',
      description: 'auto ok',
      manualStatus: false,
    });
    expect(statusCalls()[1]?.body).toEqual({
      cFiTransactionId: open,
      status: 'Declined',
      description: 'auto ok',
      manualStatus: false,
    });
    expect(simulator.processorUpdate(open, 'Settled')).toBe(true);
  });
});

describe('setStatus: every rule refused client-side, nothing sent', () => {
  const valid = { cFiTransactionId: seedPaymentLinkId, status: 'SentToPay', description: 'ok' };
  const cases: [string, Record<string, unknown>, string][] = [
    ['empty id', { ...valid, cFiTransactionId: '' }, 'cFiTransactionId'],
    ['id longer than 36', { ...valid, cFiTransactionId: 'a'.repeat(37) }, 'cFiTransactionId'],
    ['id with a dash', { ...valid, cFiTransactionId: 'abc-123' }, 'cFiTransactionId'],
    ['id with a space', { ...valid, cFiTransactionId: 'abc 123' }, 'cFiTransactionId'],
    ['id missing', { status: 'SentToPay', description: 'x' }, 'cFiTransactionId'],
    ['status missing', { cFiTransactionId: seedPaymentLinkId, description: 'x' }, 'status'],
    ['status outside the enum', { ...valid, status: 'Paid' }, 'status'],
    ['status lower-case', { ...valid, status: 'senttopay' }, 'status'],
    ...(['Initiated', 'Sent', 'Cancelled', 'Rejected', 'Expired', 'Processing'] as const).map(
      (status): [string, Record<string, unknown>, string] => [
        `target ${status} (not settable)`,
        { ...valid, status },
        'status',
      ],
    ),
    ['description missing', { cFiTransactionId: seedPaymentLinkId, status: 'SentToPay' }, 'description'],
    ['description of 101 characters', { ...valid, description: 'x'.repeat(101) }, 'description'],
    ['description with <', { ...valid, description: 'a <b>' }, 'description'],
    ['description with >', { ...valid, description: 'a > b' }, 'description'],
    ['description with a line break', { ...valid, description: 'line\nbreak' }, 'description'],
    ['description a number', { ...valid, description: 5 }, 'description'],
    ['manualStatus not a boolean', { ...valid, manualStatus: 'yes' }, 'manualStatus'],
    ['current status not settable', { ...valid, currentStatus: 'Processing' }, 'currentStatus'],
    ['unknown field', { ...valid, amount: 1 }, 'amount'],
  ];

  it.each(cases)('%s', async (_name, input, field) => {
    const connectfi = client();
    const result = await connectfi.paymentLinks.setStatus(input as never);
    const error = result.unwrapErr();
    expect(error.code).toBe('validation');
    expect(error.message).toContain('nothing was sent');
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    expect(simulator.log).toHaveLength(0);
  });

  it('names the allowed statuses in the message', async () => {
    const error = (await client().paymentLinks.setStatus({ ...valid, status: 'Sent' } as never)).unwrapErr();
    expect(error.fieldErrors?.status?.[0]).toContain(
      'Error, SentToPay, Completed, Settled, Returned, Declined',
    );
  });
});

describe('setStatus: provider refusals mapped', () => {
  it('a current status outside the settable ones is paymentStatus -> conflict', async () => {
    const connectfi = client();
    const error = (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId: idOf('Initiated'),
        status: 'SentToPay',
        description: 'x',
      })
    ).unwrapErr();
    expect(error).toMatchObject({
      code: 'conflict',
      httpStatus: 400,
      providerCode: 'paymentStatus',
      providerMessage: 'Wrong Payment status',
    });
    expect(error.requestId).toBeTruthy();
  });

  it('an unknown id is paymentNotFound -> not_found', async () => {
    const error = (
      await client().paymentLinks.setStatus({
        cFiTransactionId: 'NoSuchLink1',
        status: 'Completed',
        description: null,
      })
    ).unwrapErr();
    expect(error).toMatchObject({ code: 'not_found', providerCode: 'paymentNotFound' });
  });

  it('requestValidateError context[] becomes fieldErrors', async () => {
    // The simulator enforces the schema itself: a raw call without the SDK gets the real envelope.
    const login = await fetch(`${baseUrl}/auth/get-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user: { login: connectFiSimulatorLogin, password: connectFiSimulatorPassword },
      }),
    });
    const { data } = (await login.json()) as { data: { token: string } };
    const raw = await fetch(`${baseUrl}/payment-link/payment/set-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-connectfi-token': data.token },
      body: JSON.stringify({ cFiTransactionId: 'bad-id', status: 'Sent', description: '<b>' }),
    });
    const envelope = (await raw.json()) as { code: string; context: unknown[] };
    expect(raw.status).toBe(400);
    expect(envelope.code).toBe('requestValidateError');
    expect(envelope.context).toHaveLength(2);
    // The SDK maps that same envelope (replayed, since the SDK itself would never send such a body).
    simulator.faults.failNext(1, 400, {
      body: envelope,
      match: { path: '/payment-link/payment/set-status' },
    });
    const error = (
      await client().paymentLinks.setStatus({
        cFiTransactionId: seedPaymentLinkId,
        status: 'Completed',
        description: null,
      })
    ).unwrapErr();
    expect(error).toMatchObject({ code: 'invalid_request', providerCode: 'requestValidateError' });
    expect(error.fieldErrors).toEqual({
      cFiTransactionId: ['must match pattern "^[0-9a-zA-Z_]+$"'],
      description: ['must match pattern "^((?![<>]).)*$"'],
    });
  });
});

describe('setStatus: retries never record a change twice', () => {
  const retrying = () =>
    createConnectFi({
      baseUrl,
      login: connectFiSimulatorLogin,
      password: connectFiSimulatorPassword,
      backoffBaseMs: 1,
    });

  it('after a reset once the change was applied, reads the link back instead of resending', async () => {
    simulator.faults.resetNext(
      { method: 'POST', path: '/payment-link/payment/set-status' },
      { afterHandling: true },
    );
    const before = simulator.state.payments.find(
      (payment) => payment.cFiTransactionId === seedPaymentLinkId,
    )!;
    const historyBefore = before.statusChangeHistory?.length ?? 0;
    const result = await retrying().paymentLinks.setStatus({
      cFiTransactionId: seedPaymentLinkId,
      status: 'SentToPay',
      description: 'once',
    });
    expect(result.unwrap().status).toBe('SentToPay');
    expect(statusCalls()).toHaveLength(1);
    expect(simulator.log.map((entry) => entry.path).filter((path) => path !== '/auth/get-token')).toEqual([
      '/payment-link/payment/set-status',
      '/payment-link/payment/list',
    ]);
    const after = simulator.state.payments.find((payment) => payment.cFiTransactionId === seedPaymentLinkId)!;
    expect(after.statusChangeHistory?.length).toBe(historyBefore + 1);
  });

  it('after a 503 that changed nothing, the lookup finds the old status and the change is sent again', async () => {
    simulator.faults.failNext(1, 503, { match: { path: '/payment-link/payment/set-status' } });
    const result = await retrying().paymentLinks.setStatus({
      cFiTransactionId: seedPaymentLinkId,
      status: 'SentToPay',
      description: 'twice sent, once applied',
    });
    expect(result.unwrap().status).toBe('SentToPay');
    expect(statusCalls().map((entry) => entry.outcome)).toEqual([503, 200]);
  });

  it('a refund status change cannot be read back, so an ambiguous failure is not resent', async () => {
    const refundId = simulator.state.refunds[0]!.cFiTransactionId;
    simulator.faults.resetNext({ method: 'POST', path: '/payment-link/payment/refund-set-status' });
    const result = await retrying().paymentLinks.setRefundStatus({
      cFiTransactionId: refundId,
      status: 'Completed',
      description: 'x',
    });
    expect(result.unwrapErr().code).toBe('network');
    expect(
      simulator.log.filter((entry) => entry.path === '/payment-link/payment/refund-set-status'),
    ).toHaveLength(1);
  });
});
