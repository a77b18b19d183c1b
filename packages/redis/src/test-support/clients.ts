import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createClient } from 'redis';
import { fromIoredis } from '../adapters/ioredis-adapter.js';
import { fromNodeRedis } from '../adapters/node-redis-adapter.js';
import type { RedisLike } from '../redis-like.js';

/** A connected client of one kind, adapted. */
export interface TestConnection {
  readonly redis: RedisLike;
  close(): Promise<void>;
}

/** The two supported clients. */
export interface ClientKind {
  readonly client: 'ioredis' | 'redis';
  connect(port: number): Promise<TestConnection>;
}

/** `ioredis` and `redis` (node-redis), each failing fast while Redis is down. */
export const clientKinds: readonly ClientKind[] = [
  {
    client: 'ioredis',
    async connect(port) {
      const client = new Redis({
        host: '127.0.0.1',
        port,
        maxRetriesPerRequest: 1,
        retryStrategy: () => 50,
        lazyConnect: true,
      });
      client.on('error', () => {});
      await client.connect();
      return {
        redis: fromIoredis(client),
        close: async () => {
          client.disconnect();
        },
      };
    },
  },
  {
    client: 'redis',
    async connect(port) {
      const client = createClient({
        url: `redis://127.0.0.1:${port}`,
        disableOfflineQueue: true,
        socket: { reconnectStrategy: () => 50 },
      });
      client.on('error', () => {});
      await client.connect();
      return {
        redis: fromNodeRedis(client),
        close: async () => {
          client.destroy();
        },
      };
    },
  },
];

/** A plain ioredis client for looking at keys (KEYS, TTL, GET) from a test. */
export async function inspector(port: number): Promise<Redis> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** A key prefix no other test uses. */
export function testPrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}
