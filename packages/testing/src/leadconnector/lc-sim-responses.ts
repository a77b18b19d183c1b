import { randomUUID } from 'node:crypto';
import { json } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse } from '../simulator/sim-types.js';

/** A fresh trace id, as every LeadConnector answer carries. */
export function traceId(): string {
  return randomUUID();
}

/** The spec's 400 body. */
export function badRequest(message: string): SimResponse {
  return json(400, { statusCode: 400, message, traceId: traceId() });
}

/** The spec's 401 body. */
export function unauthorized(message: string): SimResponse {
  return json(401, { statusCode: 401, message, error: 'Unauthorized' });
}

/** A 403 in the same shape. */
export function forbidden(message: string): SimResponse {
  return json(403, { statusCode: 403, message, error: 'Forbidden' });
}

/** The live 422 body: `message` is an array, plus `status`, `name`, `traceId`, `options`. */
export function unprocessable(messages: readonly string[]): SimResponse {
  return json(422, {
    statusCode: 422,
    message: messages,
    error: 'Unprocessable Entity',
    status: 422,
    name: 'UnprocessableEntityException',
    traceId: traceId(),
    options: {},
  });
}

/** The live 404 body: no `statusCode`, a `name` and a `traceId`. */
export function notFound(message: string): SimResponse {
  return json(404, { status: 404, message, name: 'HttpException', traceId: traceId() });
}

/** The request's JSON body as a record (empty when there is none). */
export function bodyOf(request: SimRequest): Record<string, unknown> {
  return request.body && typeof request.body === 'object' && !Array.isArray(request.body)
    ? (request.body as Record<string, unknown>)
    : {};
}

/** class-validator style checks, collected into 422 messages. */
export class Checks {
  readonly messages: string[] = [];

  /** `field` must be a non-empty string. */
  string(source: Record<string, unknown>, field: string, optional = false): this {
    const value = source[field];
    if (value === undefined || value === null || value === '') {
      if (!optional) this.messages.push(`${field} should not be empty`, `${field} must be a string`);
    } else if (typeof value !== 'string') this.messages.push(`${field} must be a string`);
    return this;
  }

  /** `field` must be one of `values`. */
  oneOf(source: Record<string, unknown>, field: string, values: readonly string[], optional = false): this {
    const value = source[field];
    if (value === undefined && optional) return this;
    if (typeof value !== 'string' || !values.includes(value)) {
      this.messages.push(`${field} must be one of the following values: ${values.join(', ')}`);
    }
    return this;
  }

  /** `field` must be a boolean. */
  boolean(source: Record<string, unknown>, field: string, optional = false): this {
    const value = source[field];
    if (value === undefined && optional) return this;
    if (typeof value !== 'boolean') this.messages.push(`${field} must be a boolean value`);
    return this;
  }

  /** `field` must be a number. */
  number(source: Record<string, unknown>, field: string, optional = false): this {
    const value = source[field];
    if (value === undefined && optional) return this;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.messages.push(`${field} must be a number conforming to the specified constraints`);
    }
    return this;
  }

  /** Only `allowed` fields may be present (forbidNonWhitelisted). */
  only(source: Record<string, unknown>, allowed: readonly string[]): this {
    for (const key of Object.keys(source))
      if (!allowed.includes(key)) this.messages.push(`property ${key} should not exist`);
    return this;
  }

  /** Adds a message when `condition` is false. */
  that(condition: boolean, message: string): this {
    if (!condition) this.messages.push(message);
    return this;
  }

  /** The 422 answer, or `undefined` when every check passed. */
  result(): SimResponse | undefined {
    return this.messages.length > 0 ? unprocessable(this.messages) : undefined;
  }
}

/** Reads `altId` / `altType` from a query and checks them (422 like the live API). */
export function checkAltQuery(request: SimRequest): SimResponse | undefined {
  const source = {
    altId: request.query.get('altId') ?? undefined,
    altType: request.query.get('altType') ?? undefined,
  };
  return new Checks().string(source, 'altId').oneOf(source, 'altType', ['location']).result();
}

/** A non-negative integer query parameter, or the default. */
export function intQuery(request: SimRequest, name: string, fallback: number): number {
  const raw = request.query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}
