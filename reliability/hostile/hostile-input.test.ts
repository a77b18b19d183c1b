import type { AnyOperation } from '@payweave/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { allHarnesses } from '../providers/all-harnesses.js';
import { callOperation } from '../support/any-client.js';
import { pathPattern } from '../support/path-pattern.js';
import { clientFor, type ProviderEnv } from '../support/provider-harness.js';
import { alwaysRefused, badAmounts, boundaryValues, hostileValue, isAmountField } from './hostile-values.js';
import { leafValues, primitivesOf } from './leaf-values.js';
import { keyPaths, withExtras, without, withScalarsAsText, withValueAt } from './mutate-body.js';

// A fixed seed keeps CI reproducible; RELIABILITY_SEED explores other inputs locally.
fc.configureGlobal({ seed: Number(process.env.RELIABILITY_SEED ?? 20_240_801) });

/** Random runs per operation and property: enough to find a gap, bounded to stay fast. */
const runs = 20;
const limits = { timeoutMs: 500, backoffBaseMs: 1, backoffMaxMs: 5, maxRetries: 1 } as const;

/** Top-level inputs left out per operation (none: a bare string is refused everywhere). */
const knownTopLevelGaps: Readonly<Record<string, readonly unknown[]>> = {};

/** Parses a captured body; an empty one (204) is `null`. */
function parseBody(text: string | undefined): unknown {
  return text ? JSON.parse(text) : null;
}

/** The body inside connectFi's `{ code, data }` envelope; the others answer the body itself. */
function payloadOf(env: ProviderEnv, raw: unknown): unknown {
  return env.name === 'connectfi' ? (raw as { data?: unknown } | undefined)?.data : raw;
}

describe.each(allHarnesses)('$name hostile input', (harness) => {
  let env: ProviderEnv;
  let lastBody: string | undefined;
  const tally = { refused: 0, acceptedBySchema: 0, responses: 0, quoted: 0, keptRaw: 0 };
  const warnings: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const noop = () => {};
  const logger = {
    debug: noop,
    info: noop,
    error: noop,
    warn: (message: string, fields?: Record<string, unknown>) => warnings.push({ message, fields }),
  };
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    lastBody = await response.clone().text();
    return response;
  };

  beforeAll(async () => {
    env = await harness.start({ ...limits, fetch: recordingFetch, logger, logLevel: 'warn' });
  });
  afterAll(async () => {
    console.log(
      `${harness.name}: ${tally.refused} hostile inputs refused, ${tally.acceptedBySchema} random inputs the schemas accept, ${tally.responses} response bodies mutated, ${tally.quoted} scalars read from text, ${tally.keptRaw} wrong-shape fields kept raw`,
    );
    await env.close();
  });

  /** Sends `candidate`; when the schema refuses it (or `mustRefuse`), it must be a validation error with nothing sent. */
  async function expectRefusedIfInvalid(operation: AnyOperation, candidate: unknown, mustRefuse: boolean) {
    const valid = z.safeParse(operation.input as z.ZodMiniType, candidate).success;
    if (mustRefuse)
      expect(valid, `${operation.id} accepted ${String(JSON.stringify(candidate)).slice(0, 200)}`).toBe(
        false,
      );
    if (valid) {
      tally.acceptedBySchema += 1;
      return;
    }
    env.simulator.clearLog();
    const fixture = harness.fixtures[operation.id];
    const result = await callOperation(clientFor(env, fixture), operation.id, candidate);
    expect(result.isErr() && result.error.code, operation.id).toBe('validation');
    expect(env.simulator.log, `${operation.id} sent a request for invalid input`).toEqual([]);
    tally.refused += 1;
  }

  it('refuses boundary, wrong-type, non-finite, bad-amount and extra-field input without sending anything', async () => {
    for (const operation of env.client.operations) {
      const base = (await harness.fixtures[operation.id]!.input(env)) as Record<string, unknown>;
      for (const top of ['text', 42, [], true]) {
        if (knownTopLevelGaps[operation.id]?.includes(top)) continue;
        await expectRefusedIfInvalid(operation, top, true);
      }
      await expectRefusedIfInvalid(operation, { ...base, unexpected_field: 'x' }, true);
      for (const key of Object.keys(base)) {
        for (const value of alwaysRefused)
          await expectRefusedIfInvalid(operation, { ...base, [key]: value }, true);
        if (isAmountField(key))
          for (const value of badAmounts)
            await expectRefusedIfInvalid(operation, { ...base, [key]: value }, true);
        for (const value of boundaryValues)
          await expectRefusedIfInvalid(operation, { ...base, [key]: value }, false);
      }
      const keys = Object.keys(base);
      if (keys.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...keys), hostileValue, async (key, value) => {
          await expectRefusedIfInvalid(operation, { ...base, [key]: value }, false);
        }),
        { numRuns: runs },
      );
    }
  });

  it('sends valid fixture values unchanged', async () => {
    for (const operation of env.client.operations) {
      const fixture = harness.fixtures[operation.id]!;
      const input = await fixture.input(env);
      env.simulator.clearLog();
      const result = await callOperation(clientFor(env, fixture), operation.id, input);
      expect(result.isOk(), `${operation.id}: ${result.isErr() ? result.error.message : ''}`).toBe(true);
      const pattern = pathPattern(operation.path);
      const sent = env.simulator.log.find(
        (entry) => entry.method === operation.method && pattern.test(entry.path),
      );
      expect(sent, `${operation.id} sent nothing to ${operation.path}`).toBeDefined();
      const json = (sent?.headers['content-type'] ?? '').includes('json');
      const bodyValues = primitivesOf(sent?.body);
      const text = [decodeURIComponent(sent?.path ?? ''), ...Object.values(sent?.query ?? {})];
      for (const leaf of leafValues(input)) {
        if (leaf.path.some((key) => fixture.filled?.includes(key))) continue;
        const found = json
          ? bodyValues.some((value) => Object.is(value, leaf.value)) ||
            text.some((part) => part.split(/[/,]/).includes(String(leaf.value)))
          : [...bodyValues.map(String), ...text].some(
              (part) => part === String(leaf.value) || part.split('/').includes(String(leaf.value)),
            );
        expect(
          found,
          `${operation.id} did not send ${leaf.path.join('.')} = ${JSON.stringify(leaf.value)} unchanged`,
        ).toBe(true);
      }
    }
  });

  it('output schemas keep accepting bodies with extra fields, and never throw on missing ones', async () => {
    for (const operation of env.client.operations) {
      if (!operation.output) continue;
      const fixture = harness.fixtures[operation.id]!;
      lastBody = undefined;
      const result = await callOperation(clientFor(env, fixture), operation.id, await fixture.input(env));
      expect(result.isOk()).toBe(true);
      const body = payloadOf(env, parseBody(lastBody));
      const schema = operation.output as z.ZodMiniType;
      expect(z.safeParse(schema, body).success, `${operation.id} refuses its own simulator's body`).toBe(
        true,
      );
      const paths = keyPaths(body);
      await fc.assert(
        fc.property(
          fc.dictionary(
            fc.string({ minLength: 1, maxLength: 12 }).map((key) => `x_${key}`),
            fc.jsonValue({ maxDepth: 2 }),
            {
              maxKeys: 4,
            },
          ),
          fc.constantFrom(...(paths.length > 0 ? paths : [[]])),
          (extras, path) => {
            tally.responses += 2;
            expect(
              z.safeParse(schema, withExtras(body, extras)).success,
              `${operation.id} refused extra fields`,
            ).toBe(true);
            expect(() => z.safeParse(schema, without(body, path))).not.toThrow();
          },
        ),
        { numRuns: runs },
      );
    }
  });

  it('the full call path turns replaced bodies into Ok or an invalid_response error, never a throw', async () => {
    for (const operation of env.client.operations) {
      const fixture = harness.fixtures[operation.id]!;
      lastBody = undefined;
      // A safe call can be repeated with the same input, so the replaced body stays about the
      // same record (a retrieve of another record would rightly be not_found).
      const repeatable = operation.retry === 'safe' && !fixture.replayCodes;
      const first = await fixture.input(env);
      await callOperation(clientFor(env, fixture), operation.id, first);
      const raw = parseBody(lastBody);
      const paths = keyPaths(raw);
      const match = { method: operation.method, path: pathPattern(operation.path) };
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.string({ minLength: 1, maxLength: 8 }).map((key) => `x_${key}`),
            fc.jsonValue({ maxDepth: 2 }),
            {
              maxKeys: 3,
            },
          ),
          fc.option(fc.constantFrom(...(paths.length > 0 ? paths : [[]]))),
          async (extras, path) => {
            const body = path === null ? withExtras(raw, extras) : without(raw, path);
            const input = repeatable ? first : await fixture.input(env);
            env.simulator.faults.add({ type: 'replace-body', body }, { match });
            const result = await callOperation(clientFor(env, fixture), operation.id, input);
            env.simulator.faults.clear();
            tally.responses += 1;
            if (result.isErr())
              expect(result.error.code, `${operation.id}: ${result.error.message}`).toBe('invalid_response');
            // Extra fields alone must never turn a good answer into an error.
            if (path === null)
              expect(result.isOk(), `${operation.id} failed on extra response fields`).toBe(true);
          },
        ),
        { numRuns: 5 },
      );
    }
  });
  /** The first captured body of `operation` (its envelope included) and the input that produced it. */
  async function captureBody(operation: AnyOperation) {
    const fixture = harness.fixtures[operation.id]!;
    lastBody = undefined;
    const input = await fixture.input(env);
    const result = await callOperation(clientFor(env, fixture), operation.id, input);
    expect(result.isOk(), `${operation.id}: ${result.isErr() ? result.error.message : ''}`).toBe(true);
    return { fixture, input, raw: parseBody(lastBody) };
  }

  /** `payload` put back into the body the provider answers (connectFi's envelope). */
  function inEnvelope(raw: unknown, payload: unknown): unknown {
    return env.name === 'connectfi' ? { ...(raw as object), data: payload } : payload;
  }

  /** Calls `operation` with its answer replaced by `body`. */
  async function callWithBody(operation: AnyOperation, input: unknown, body: unknown) {
    const fixture = harness.fixtures[operation.id]!;
    const match = { method: operation.method, path: pathPattern(operation.path) };
    env.simulator.faults.add({ type: 'replace-body', body }, { match });
    const result = await callOperation(clientFor(env, fixture), operation.id, input);
    env.simulator.faults.clear();
    tally.responses += 1;
    return result;
  }

  it('reads numbers and booleans sent as text of themselves as the same typed values, for every operation', async () => {
    for (const operation of env.client.operations) {
      if (!operation.output) continue;
      const schema = operation.output as z.ZodMiniType;
      const { fixture, input, raw } = await captureBody(operation);
      const payload = payloadOf(env, raw);
      // Leaves the schema types as a number or boolean: quoting one alone is refused by the schema.
      const typed = leafValues(payload)
        .filter((leaf) => typeof leaf.value === 'number' || typeof leaf.value === 'boolean')
        .map((leaf) => leaf.path)
        .filter((path) => !z.safeParse(schema, withScalarsAsText(payload, [path])).success);
      if (typed.length === 0) continue;
      tally.quoted += typed.length;
      // The same input both times when the call can be repeated, so both answers are about the same record.
      const repeatable = operation.retry === 'safe' && !fixture.replayCodes;
      const expected = await callWithBody(operation, repeatable ? input : await fixture.input(env), raw);
      const quoted = inEnvelope(raw, withScalarsAsText(payload, typed));
      const actual = await callWithBody(operation, repeatable ? input : await fixture.input(env), quoted);
      expect(actual.isOk(), `${operation.id}: ${actual.isErr() ? actual.error.message : ''}`).toBe(true);
      expect(actual.isOk() && actual.value, `${operation.id} read quoted scalars differently`).toEqual(
        expected.isOk() && expected.value,
      );
    }
  });

  it('keeps an optional response field of a wrong shape raw and reports it, for every operation', async () => {
    const wrongShape = [{ unexpected: 'shape' }];
    for (const operation of env.client.operations) {
      if (!operation.output) continue;
      const schema = operation.output as z.ZodMiniType;
      const { fixture, input, raw } = await captureBody(operation);
      const repeatable = operation.retry === 'safe' && !fixture.replayCodes;
      const payload = payloadOf(env, raw);
      // A field the schema types and lets be absent: leaving it out is accepted, a wrong shape is not.
      const optional = keyPaths(payload).filter(
        (path) =>
          z.safeParse(schema, without(payload, path)).success &&
          !z.safeParse(schema, withValueAt(payload, path, wrongShape)).success,
      );
      for (const path of optional.slice(0, 3)) {
        tally.keptRaw += 1;
        const body = inEnvelope(raw, withValueAt(payload, path, wrongShape));
        const result = await callWithBody(operation, repeatable ? input : await fixture.input(env), body);
        expect(
          result.isOk(),
          `${operation.id} failed on ${path.join('.')} of a wrong shape: ${result.isErr() ? result.error.message : ''}`,
        ).toBe(true);
        expect(
          JSON.stringify(result.isOk() && result.value),
          `${operation.id} dropped ${path.join('.')}`,
        ).toContain(JSON.stringify(wrongShape));
      }
      if (optional.length > 0)
        expect(
          warnings.some((warning) => warning.fields?.operation === operation.id),
          `${operation.id} kept a field raw without a warning`,
        ).toBe(true);
    }
  });
});
