import type { SimResponse } from './sim-types.js';

/** A JSON response. */
export function json(status: number, body?: unknown, headers?: Record<string, string>): SimResponse {
  return { status, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) };
}

let counter = 0;

/** A 24-hex-character id, unique within the process (the shape Paya and Mongo-style ids have). */
export function newHexId(): string {
  counter += 1;
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  const random = Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, '0');
  return `${time}${random}${counter.toString(16).padStart(10, '0')}`.slice(0, 24);
}
