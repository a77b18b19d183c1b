import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { LogFields, Logger } from '../logging/logger.js';
import { validateOutput } from '../operations/validate-input.js';
import { pathLabel } from './warn-once.js';

function recordingLogger() {
  const warn = vi.fn<(message: string, fields?: LogFields) => void>();
  const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
  return Object.assign(logger, { warn });
}

const schema = z.looseObject({
  id: z.string(),
  records: z.optional(z.array(z.looseObject({ note: z.optional(z.string()) }))),
  status: z.optional(z.string()),
});

describe('fields kept raw are reported once', () => {
  it('folds array indexes so every item of a list counts once', () => {
    expect(pathLabel(['records', 3, 'note'])).toBe('records[].note');
    expect(pathLabel([])).toBe('(body)');
  });

  it('warns once per operation and field, across many calls, and never fails the call', () => {
    const logger = recordingLogger();
    const context = { provider: 'test', operation: 'orders.list', httpStatus: 200, logger };
    for (let call = 0; call < 5; call += 1) {
      const result = validateOutput(
        schema,
        { id: 'a', status: 7, records: [{ note: 1 }, { note: 2 }] },
        context,
      );
      expect(result.unwrap()).toEqual({ id: 'a', status: 7, records: [{ note: 1 }, { note: 2 }] });
    }
    expect(logger.warn).toHaveBeenCalledTimes(2);
    const fields = logger.warn.mock.calls.map((call) => (call[1] as { field: string }).field).sort();
    expect(fields).toEqual(['records[].note', 'status']);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('"7"');
    // Another operation's field is its own report; another logger (client) has its own memory.
    validateOutput(schema, { id: 'a', status: 7 }, { ...context, operation: 'orders.retrieve' });
    expect(logger.warn).toHaveBeenCalledTimes(3);
    const other = recordingLogger();
    validateOutput(schema, { id: 'a', status: 7 }, { ...context, logger: other });
    expect(other.warn).toHaveBeenCalledTimes(1);
  });

  it('does not warn on documented text forms it reads', () => {
    const logger = recordingLogger();
    const result = validateOutput(
      z.looseObject({ amount: z.number(), live: z.boolean() }),
      { amount: '10.50', live: 'true' },
      { provider: 'test', operation: 'x', httpStatus: 200, logger },
    );
    expect(result.unwrap()).toEqual({ amount: 10.5, live: true });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('is invalid_response when a required field is missing', () => {
    const error = validateOutput(
      schema,
      { status: 'x' },
      { provider: 'test', operation: 'x', httpStatus: 200 },
    ).unwrapErr();
    expect(error.code).toBe('invalid_response');
    expect(error.fieldErrors).toEqual({ id: ['is required'] });
  });
});
