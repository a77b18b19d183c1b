import { Err, Ok, PaymentsError, pathSegmentProblem, type Result } from '@payweave/core';

/**
 * Keys refused anywhere in what a caller hands the facade: set on an object by a careless
 * merge they replace its prototype (`__proto__`) or reach one (`constructor.prototype`).
 */
const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// How far a request is searched for forbidden keys: enough for any real filter or body,
// bounded so a huge or cyclic input costs little (the provider's strict schema still checks it).
const maxDepth = 16;
const maxNodes = 10_000;

/** The `validation` error of a facade entry point: names the field and says why; nothing was sent. */
export function invalidInput(where: string, field: string, why: string, provider?: string): PaymentsError {
  return new PaymentsError({
    code: 'validation',
    provider,
    operation: where,
    message: `${where}: ${field} ${why}.`,
    fieldErrors: { [field]: [why] },
  });
}

/** A short, safe description of a value for a message: never the whole of a long or odd string. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** True for a value whose own keys can be read as fields: a non-null object that is not an array. */
export function isFieldObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `options` must be absent or an object (`{ signal, timeoutMs, ... }`). */
export function checkOptions(where: string, options: unknown): Result<void, PaymentsError> {
  if (options === undefined || isFieldObject(options)) return Ok(undefined);
  return Err(invalidInput(where, 'options', `must be an object (got ${describeValue(options)})`));
}

/**
 * The dotted path of the first forbidden key in `value` (own keys of objects and arrays,
 * searched to a bounded depth and size), or `undefined`.
 */
export function findForbiddenKey(value: unknown, path = ''): string | undefined {
  let nodes = 0;
  const visit = (current: unknown, at: string, depth: number): string | undefined => {
    if (typeof current !== 'object' || current === null || depth > maxDepth) return undefined;
    for (const key of Object.keys(current)) {
      nodes += 1;
      if (nodes > maxNodes) return undefined;
      const keyPath = at === '' ? key : `${at}.${key}`;
      if (forbiddenKeys.has(key)) return keyPath;
      const found = visit((current as Record<string, unknown>)[key], keyPath, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(value, path, 0);
}

/** `input` must hold no prototype key (and be readable); the provider's schema checks the rest. */
export function checkInput(where: string, input: unknown, provider?: string): Result<void, PaymentsError> {
  try {
    const forbidden = findForbiddenKey(input);
    if (forbidden === undefined) return Ok(undefined);
    return Err(
      invalidInput(
        where,
        forbidden,
        'is not accepted as a field name (it could change a prototype)',
        provider,
      ),
    );
  } catch (error) {
    return Err(
      new PaymentsError({
        code: 'validation',
        provider,
        operation: where,
        message: `${where}: input could not be read (reading its fields threw).`,
        fieldErrors: { input: ['could not be read'] },
        cause: error,
      }),
    );
  }
}

/**
 * A record id handed to the facade (`{ provider, id }`) follows core's path-segment rule, the
 * one every provider applies where an id enters a path: not `.` or `..` (not even
 * percent-encoded), no control characters, at most 256 characters. Refused here, before any
 * provider is asked, whatever the provider does with the id. A missing, blank or non-string id
 * is left to the caller's own "must be a non-empty string" check.
 */
export function checkRecordId(
  where: string,
  field: string,
  value: unknown,
  provider?: string,
): Result<void, PaymentsError> {
  if (typeof value !== 'string' || value.trim() === '') return Ok(undefined);
  const problem = pathSegmentProblem(value);
  return problem === undefined ? Ok(undefined) : Err(invalidInput(where, field, problem, provider));
}

/** A request read field by field: its own keys only, prototype keys refused. */
export interface FacadeRequest {
  /** The `provider` field, known to payweave (`paya`, ...). */
  readonly provider: string;
  /** Every other own field, copied. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Reads the `{ provider, ...fields }` argument of a unified view. A missing or odd
 * request, a provider payweave does not know and a prototype key are `validation`
 * errors; `servable` (the configured providers that serve the view) is named in the
 * message. Only own properties are read, so `provider: 'constructor'` or an inherited
 * `provider` never reaches a lookup.
 */
export function readFacadeRequest(
  where: string,
  request: unknown,
  known: readonly string[],
  servable: readonly string[],
): Result<FacadeRequest, PaymentsError> {
  const choices = `one of: ${servable.length > 0 ? servable.join(', ') : 'none is configured'}`;
  if (request === undefined) return Err(invalidInput(where, 'provider', `is required (${choices})`));
  try {
    if (!isFieldObject(request)) {
      return Err(
        invalidInput(
          where,
          'request',
          `must be an object with a provider (${choices}); got ${describeValue(request)}`,
        ),
      );
    }
    const fields: Record<string, unknown> = {};
    let provider: unknown;
    for (const key of Object.keys(request)) {
      if (forbiddenKeys.has(key)) {
        return Err(invalidInput(where, key, 'is not accepted as a field name (it could change a prototype)'));
      }
      if (key === 'provider') provider = request[key];
      else fields[key] = request[key];
    }
    const nested = findForbiddenKey(fields);
    if (nested !== undefined) {
      return Err(
        invalidInput(where, nested, 'is not accepted as a field name (it could change a prototype)'),
      );
    }
    if (provider === undefined) return Err(invalidInput(where, 'provider', `is required (${choices})`));
    if (typeof provider !== 'string' || !known.includes(provider)) {
      return Err(invalidInput(where, 'provider', `must be ${choices} (got ${describeValue(provider)})`));
    }
    // Every view's `id` names one record and may go into a provider path: `..` must never reach one.
    const id = checkRecordId(where, 'id', fields.id, provider);
    if (id.isErr()) return id;
    return Ok({ provider, fields });
  } catch (error) {
    return Err(
      new PaymentsError({
        code: 'validation',
        operation: where,
        message: `${where}: request could not be read (reading its fields threw).`,
        fieldErrors: { request: ['could not be read'] },
        cause: error,
      }),
    );
  }
}

/**
 * Reads the argument of a unified `list` that names no provider: no argument, `{}`, or
 * `{ providers: [...] }` (configured providers that serve the view, each once). Resolves to
 * the providers to walk, in order, or to `undefined` when the request names a `provider`
 * (or cannot be read as one that does not): {@link readFacadeRequest} then judges it. Native
 * filters without a provider, and `provider` with `providers`, are `validation` errors;
 * naming a provider that is not configured, or a configuration with none, is `unsupported`.
 */
export function readAcrossRequest(
  where: string,
  view: string,
  request: unknown,
  known: readonly string[],
  servable: readonly string[],
): Result<readonly string[] | undefined, PaymentsError> {
  const choices = `one of: ${servable.length > 0 ? servable.join(', ') : 'none is configured'}`;
  let providers: unknown;
  if (request !== undefined) {
    let keys: string[];
    try {
      if (!isFieldObject(request)) return Ok(undefined);
      keys = Object.keys(request);
      if (keys.some((key) => forbiddenKeys.has(key))) return Ok(undefined);
      if (keys.includes('provider') && request.provider !== undefined) {
        if (keys.includes('providers')) {
          return Err(
            invalidInput(where, 'providers', 'cannot be given with provider (give one or the other)'),
          );
        }
        return Ok(undefined);
      }
      providers = keys.includes('providers') ? request.providers : undefined;
    } catch {
      return Ok(undefined);
    }
    const filters = keys.filter((key) => key !== 'provider' && key !== 'providers');
    if (filters.length > 0) {
      return Err(
        invalidInput(
          where,
          'provider',
          `is required with native filters (${choices}); a list across providers takes none (got ${filters
            .slice(0, 3)
            .map((key) => describeValue(key))
            .join(', ')})`,
        ),
      );
    }
  }
  if (providers === undefined) {
    if (servable.length === 0) {
      return Err(
        new PaymentsError({
          code: 'unsupported',
          operation: where,
          message: `${where}: no configured provider serves ${view}.`,
        }),
      );
    }
    return Ok(servable);
  }
  if (!Array.isArray(providers) || providers.length === 0) {
    return Err(
      invalidInput(
        where,
        'providers',
        `must be a non-empty array of provider names (${choices}); got ${describeValue(providers)}`,
      ),
    );
  }
  const names: string[] = [];
  for (const name of providers as unknown[]) {
    if (typeof name !== 'string' || !known.includes(name)) {
      return Err(invalidInput(where, 'providers', `must hold only ${choices} (got ${describeValue(name)})`));
    }
    if (names.includes(name)) {
      return Err(invalidInput(where, 'providers', `names ${describeValue(name)} twice`));
    }
    names.push(name);
  }
  const unserved = names.find((name) => !servable.includes(name));
  if (unserved !== undefined) {
    return Err(
      new PaymentsError({
        code: 'unsupported',
        provider: unserved,
        operation: where,
        message: `payweave: ${view}.list is not available for provider "${unserved}".`,
      }),
    );
  }
  return Ok(names);
}
