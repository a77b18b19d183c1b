import type { TestProject } from 'vitest/node';
import { inspector } from './clients.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The port of the `redis-server` the global setup started. */
    redisPort: number;
  }
}

let server: RedisServer | undefined;

/**
 * After every test of the run: no key name holds a secret. Every token the tests stored (the
 * plain pairs and sessions) is collected from the values, and no key may contain one of them,
 * nor the simulators' token shapes or the tests' `secret` markers.
 */
async function scanKeys(port: number): Promise<void> {
  const raw = await inspector(port);
  try {
    const keys = await raw.keys('*');
    const secrets = new Set<string>();
    for (const key of keys) {
      if ((await raw.type(key)) !== 'hash') continue;
      const fields = await raw.hgetall(key);
      if (fields.token) secrets.add(fields.token);
      try {
        const pair = JSON.parse(fields.pair ?? 'null') as { a?: unknown; r?: unknown } | null;
        for (const value of [pair?.a, pair?.r]) if (typeof value === 'string') secrets.add(value);
      } catch {
        // An encrypted pair: its text is not a token.
      }
    }
    const shapes = /secret|sim-access|sim-refresh|pcs_|bearer/i;
    const leaks = keys.filter(
      (key) => shapes.test(key) || [...secrets].some((secret) => secret.length >= 6 && key.includes(secret)),
    );
    if (leaks.length > 0) throw new Error(`key names hold secrets: ${leaks.join(', ')}`);
    console.log(
      `redis key scan: ${keys.length} keys, ${secrets.size} stored tokens, no secret in any key name`,
    );
  } finally {
    raw.disconnect();
  }
}

/** Starts one `redis-server` for the `redis` test project; after the run, scans its keys and stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  server = await startRedisServer();
  project.provide('redisPort', server.port);
  const port = server.port;
  return async () => {
    try {
      await scanKeys(port);
    } catch (error) {
      // vitest only logs a teardown error: fail the run explicitly.
      console.error(
        `@payweave/redis key scan failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    } finally {
      await server?.stop();
    }
  };
}
