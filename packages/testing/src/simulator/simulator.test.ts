import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mswHandlers } from '../msw.js';
import { createSimulator } from './create-simulator.js';
import { matchPath } from './match-path.js';
import { json } from './sim-helpers.js';

function counterSimulator() {
  return createSimulator({
    name: 'counter',
    baseUrl: 'https://counter.example.test/api',
    initialState: () => ({ count: 0 }),
    before: (request) =>
      request.headers.authorization === 'Bearer ok' ? undefined : json(401, { message: 'no' }),
    routes: [
      {
        method: 'POST',
        path: '/count',
        handle: (request, state) => {
          state.count += (request.body as { by: number }).by;
          return json(201, { count: state.count });
        },
      },
    ],
  });
}

const headers = { authorization: 'Bearer ok', 'content-type': 'application/json' };

describe('simulator framework', () => {
  it('matches path patterns', () => {
    expect(matchPath('/v2/items/:id', '/v2/items/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/v2/items/:id', '/v2/items')).toBeUndefined();
  });

  describe('over loopback', () => {
    const simulator = counterSimulator();
    let url = '';
    beforeAll(async () => {
      url = await simulator.listen();
    });
    afterAll(() => simulator.close());

    it('routes, keeps state, logs the request and runs the before hook', async () => {
      const ok = await fetch(`${url}/count?x=1`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ by: 2 }),
      });
      expect(ok.status).toBe(201);
      expect(await ok.json()).toEqual({ count: 2 });
      const denied = await fetch(`${url}/count`, { method: 'POST', body: '{"by":1}' });
      expect(denied.status).toBe(401);
      expect(simulator.state.count).toBe(2);
      expect(simulator.log.map((entry) => [entry.method, entry.path, entry.query, entry.outcome])).toEqual([
        ['POST', '/count', { x: '1' }, 201],
        ['POST', '/count', {}, 401],
      ]);
      expect(simulator.log[0]?.body).toEqual({ by: 2 });
    });

    it('applies faults in order to matching requests only', async () => {
      simulator.reset();
      simulator.faults
        .failNext(1, 503, { match: { path: '/other' } })
        .failNext(1, 500, { body: { oops: true } });
      const first = await fetch(`${url}/count`, { method: 'POST', headers, body: '{"by":1}' });
      expect([first.status, await first.json()]).toEqual([500, { oops: true }]);
      expect(simulator.faults.pending).toBe(1);
      simulator.faults.resetNext({}, { afterHandling: true });
      await expect(fetch(`${url}/count`, { method: 'POST', headers, body: '{"by":5}' })).rejects.toThrow();
      expect(simulator.state.count).toBe(5);
      simulator.faults.malformedNext();
      const malformed = await fetch(`${url}/count`, { method: 'POST', headers, body: '{"by":1}' });
      await expect(malformed.json()).rejects.toThrow();
    });

    it('stalls a body until the client gives up', async () => {
      simulator.faults.stallNext(5_000);
      const response = await fetch(`${url}/count`, { method: 'POST', headers, body: '{"by":1}' });
      const body = response.text();
      const outcome = await Promise.race([
        body.then(() => 'ended'),
        new Promise((resolve) => setTimeout(resolve, 200, 'stalled')),
      ]);
      expect(outcome).toBe('stalled');
      await simulator.close();
      await expect(body).rejects.toThrow();
    });
  });

  describe('with msw', () => {
    const simulator = counterSimulator();
    const server = setupServer(...mswHandlers(simulator));
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());

    it('intercepts the base URL with its path prefix', async () => {
      const response = await fetch('https://counter.example.test/api/count', {
        method: 'POST',
        headers,
        body: '{"by":3}',
      });
      expect(await response.json()).toEqual({ count: 3 });
      expect(simulator.log[0]?.path).toBe('/count');
      simulator.faults.resetNext();
      await expect(
        fetch('https://counter.example.test/api/count', { method: 'POST', headers, body: '{}' }),
      ).rejects.toThrow();
    });
  });
});
