import { json } from '../simulator/sim-helpers.js';
import type { SimResponse } from '../simulator/sim-types.js';

/** Paya's validation answer: 422 `{"errors":{"field":["message"]}}`. */
export function validationError(errors: Record<string, string[]>): SimResponse {
  return json(422, { errors });
}

/** Paya's (Yii) error body for 400/401/403/404/409. */
export function statusError(status: 400 | 401 | 403 | 404 | 405 | 409, message: string): SimResponse {
  const names = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
  };
  return json(status, { name: names[status], message, code: 0, status });
}

/** Collects field errors while a request is checked. */
export class FieldErrors {
  readonly errors: Record<string, string[]> = {};

  /** Adds a message for a field. */
  add(field: string, message: string): void {
    this.errors[field] ??= [];
    this.errors[field].push(message);
  }

  /** Whether any error was added. */
  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  /** The 422 response. */
  response(): SimResponse {
    return validationError(this.errors);
  }
}

/** Cents from a Paya decimal amount (`"10.00"`, `10`, `10.5`), or undefined when it is not one. */
export function toCents(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `"10.00"` from 1000 cents. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
