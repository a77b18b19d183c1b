import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createLeadConnector({ baseUrl, accessToken, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });
const last = () => simulator.log[simulator.log.length - 1]!;
const spring = {
  name: 'Spring sale',
  code: 'SPRING10',
  discountType: 'percentage' as const,
  discountValue: 10,
  startDate: '2024-03-01T00:00:00Z',
  limitPerCustomer: true,
};

describe('coupons', () => {
  it('creates (201), retrieves by code and id, lists, updates with id in the body and deletes with a JSON body', async () => {
    const lc = client();
    const created = (await lc.coupons.create(spring)).unwrap();
    expect(last().outcome).toBe(201);
    expect(last().body).toEqual({ altId: locationId, altType: 'location', ...spring });
    expect(created).toMatchObject({ code: 'SPRING10', status: 'active', limitPerCustomer: 1 });
    expect(created.traceId).toBeTypeOf('string');

    expect((await lc.coupons.retrieve({ code: 'SPRING10' })).unwrap()._id).toBe(created._id);
    expect(last().query).toEqual({ altId: locationId, altType: 'location', code: 'SPRING10' });
    expect((await lc.coupons.retrieve({ id: created._id })).unwrap().code).toBe('SPRING10');

    const updated = (await lc.coupons.update({ ...spring, id: created._id, discountValue: 15 })).unwrap();
    expect(updated.discountValue).toBe(15);
    expect(last().method).toBe('PUT');
    expect(last().path).toBe('/payments/coupon');
    expect(last().body).toMatchObject({ id: created._id, discountValue: 15 });

    const listed = (await lc.coupons.list({ status: 'active', search: 'spring' }).firstPage()).unwrap();
    expect(listed.items.map((coupon) => coupon._id)).toEqual([created._id]);

    const deleted = (await lc.coupons.delete(created._id)).unwrap();
    expect(deleted.success).toBe(true);
    expect(last().method).toBe('DELETE');
    expect(last().headers['content-type']).toContain('application/json');
    expect(JSON.parse(last().rawBody)).toEqual({ altId: locationId, altType: 'location', id: created._id });
    expect((await lc.coupons.retrieve({ id: created._id })).unwrapErr().code).toBe('not_found');
  });

  it('keeps codes unique per location', async () => {
    const lc = client();
    expect((await lc.coupons.create(spring)).isOk()).toBe(true);
    const duplicate = (await lc.coupons.create({ ...spring, name: 'Again' })).unwrapErr();
    expect(duplicate.httpStatus).toBe(400);
    expect(duplicate.providerMessage).toContain('already exists');
  });

  it('finds the coupon by code after an ambiguous failure instead of creating it twice', async () => {
    simulator.faults.resetNext({ method: 'POST', path: '/payments/coupon' }, { afterHandling: true });
    const created = await client().coupons.create(spring);
    expect(created.unwrap().code).toBe('SPRING10');
    expect(simulator.state.coupons).toHaveLength(1);
    expect(simulator.log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /payments/coupon',
      'GET /payments/coupon',
    ]);
  });

  it('checks the input before sending (percentage over 100, dates, enums, id or code)', async () => {
    const lc = client();
    const bad = await lc.coupons.create({
      ...spring,
      discountValue: 150,
      startDate: '2024-03-01',
      discountType: 'fixed' as never,
    });
    expect(Object.keys(bad.unwrapErr().fieldErrors ?? {}).sort()).toEqual(['discountType', 'startDate']);
    const over = await lc.coupons.create({ ...spring, discountValue: 150 });
    expect(over.unwrapErr().fieldErrors).toHaveProperty('discountValue');
    expect((await lc.coupons.retrieve({})).unwrapErr().code).toBe('validation');
    expect(simulator.log).toHaveLength(0);
  });

  it('maps a 422 message array into fieldErrors', async () => {
    simulator.faults.failNext(1, 422, {
      body: {
        statusCode: 422,
        message: ['code should not be empty', 'property foo should not exist'],
        error: 'Unprocessable Entity',
        traceId: 'trace-1',
      },
    });
    const error = (await client().coupons.create(spring)).unwrapErr();
    expect(error.code).toBe('invalid_request');
    expect(error.fieldErrors).toEqual({
      code: ['code should not be empty'],
      foo: ['property foo should not exist'],
    });
    expect(error.traceId).toBe('trace-1');
    expect(error.providerCode).toBe('Unprocessable Entity');
  });
});

describe('coupon money and positional ids', () => {
  const fiveOff = { ...spring, code: 'FIVEOFF', discountType: 'amount' as const, discountValue: 25.5 };

  it('sends an amount discount unchanged and takes the id positionally on retrieve and update', async () => {
    const lc = client();
    const created = (await lc.coupons.create(fiveOff)).unwrap();
    expect(last().body).toMatchObject({ discountType: 'amount', discountValue: 25.5 });
    expect(last().rawBody).toContain('"discountValue":25.5');

    expect((await lc.coupons.retrieve(created._id)).unwrap().code).toBe('FIVEOFF');
    expect(last().query).toEqual({ altId: locationId, altType: 'location', id: created._id });

    const updated = (await lc.coupons.update(created._id, { ...fiveOff, discountValue: 19.99 })).unwrap();
    expect(updated.discountValue).toBe(19.99);
    expect(last().method).toBe('PUT');
    expect(last().path).toBe('/payments/coupon');
    expect(last().body).toMatchObject({ id: created._id, discountValue: 19.99 });
  });

  it('accepts a percentage with up to 2 decimals, at most 100', async () => {
    const lc = client();
    expect((await lc.coupons.create({ ...spring, discountValue: 12.5 })).isOk()).toBe(true);
    expect((await lc.coupons.create({ ...spring, code: 'ALL', discountValue: 100 })).isOk()).toBe(true);
    const over = (await lc.coupons.create({ ...spring, code: 'OVER', discountValue: 100.01 })).unwrapErr();
    expect(over.fieldErrors).toEqual({ discountValue: ['a percentage discount must be at most 100'] });
  });

  it.each([
    [1e21, 'must be at most 99999999.99'],
    [0.1 + 0.2, 'must be a decimal amount with at most 2 decimals'],
    [10.001, 'must be a decimal amount with at most 2 decimals'],
    [5e-324, 'must be a decimal amount with at most 2 decimals'],
    [1.79e308, 'must be at most 99999999.99'],
    [Number.NaN, 'must be a finite number'],
    [Number.NEGATIVE_INFINITY, 'must be a finite number'],
    [-5, 'must be greater than 0'],
    [0, 'must be greater than 0'],
  ])('refuses discountValue %s on create and update before sending: %s', async (discountValue, message) => {
    const lc = client();
    for (const discountType of ['amount', 'percentage'] as const) {
      const created = (await lc.coupons.create({ ...fiveOff, discountType, discountValue })).unwrapErr();
      expect(created.code).toBe('validation');
      expect(created.fieldErrors?.discountValue).toEqual([message]);
      const updated = (
        await lc.coupons.update('6579a3f0c2d1e8a7b6f5e4d3', { ...fiveOff, discountType, discountValue })
      ).unwrapErr();
      expect(updated.fieldErrors?.discountValue).toEqual([message]);
    }
    expect(simulator.log).toHaveLength(0);
  });
});
