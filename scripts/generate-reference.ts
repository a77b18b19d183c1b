/**
 * Writes the per-method API reference, one page per provider package, into `docs/reference/`.
 * Every entry comes from the operation declarations (the clients' `operations` catalogue and
 * `toJsonSchema`), so the reference cannot drift from the code. Run by `pnpm run docs` before
 * typedoc; the pages are generated, not committed (`docs/reference/` is gitignored).
 *
 * Usage: `tsx scripts/generate-reference.ts`
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnectFi } from '@payweave/connectfi';
import { type AnyOperation, toJsonSchema } from '@payweave/core';
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createPayConnect } from '@payweave/payconnect';
import * as z from 'zod/mini';

type JsonSchema = Record<string, unknown>;

/** One provider package and a client built with dummy settings (nothing is sent). */
interface ReferencePackage {
  readonly file: string;
  readonly packageName: string;
  readonly title: string;
  readonly variable: string;
  readonly factory: string;
  readonly operations: readonly AnyOperation[];
}

const retryMeaning: Record<string, string> = {
  safe: 'retried on network errors, timeouts, 408, 429 and 5xx (the provider treats the call as idempotent).',
  reconcile:
    'after an ambiguous failure the record is looked up by its client reference before anything is resent; never sent twice blindly.',
  never:
    'retried only when the request provably never left (connection refused, DNS); an ambiguous failure is `outcomeUnknown`.',
};

function packages(): ReferencePackage[] {
  return [
    {
      file: 'paya',
      packageName: '@payweave/paya',
      title: 'Reference: @payweave/paya',
      variable: 'paya',
      factory: "createPaya({ userId: '...', userApiKey: '...', developerId: '...' })",
      operations: createPaya({ userId: 'u', userApiKey: 'k', developerId: 'd' }).operations,
    },
    {
      file: 'payconnect',
      packageName: '@payweave/payconnect',
      title: 'Reference: @payweave/payconnect',
      variable: 'payconnect',
      factory: "createPayConnect({ apiKey: '...' })",
      operations: createPayConnect({ apiKey: 'k' }).operations,
    },
    {
      file: 'connectfi',
      packageName: '@payweave/connectfi',
      title: 'Reference: @payweave/connectfi',
      variable: 'connectfi',
      factory: "createConnectFi({ baseUrl: '...', login: '...', password: '...' })",
      operations: createConnectFi({ baseUrl: 'https://x.test', login: 'l', password: 'p' }).operations,
    },
    {
      file: 'leadconnector',
      packageName: '@payweave/leadconnector',
      title: 'Reference: @payweave/leadconnector',
      variable: 'leadconnector',
      factory: "createLeadConnector({ accessToken: '...', locationId: '...' })",
      operations: createLeadConnector({ accessToken: 't', locationId: 'l' }).operations,
    },
  ];
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a local `$ref` (`#/$defs/...`) against the root schema. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
  return isObject(target) ? { ...target, ...schema, $ref: undefined } : schema;
}

/** The variants of a union, or the schema itself. */
function variants(schema: JsonSchema): JsonSchema[] {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? list.filter(isObject) : [schema];
}

function typeOf(raw: JsonSchema, root: JsonSchema): string {
  const schema = resolve(raw, root);
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) {
    return [...new Set(union.filter(isObject).map((item) => typeOf(item, root)))].join(' | ');
  }
  if (schema.type === 'array') return `${isObject(schema.items) ? typeOf(schema.items, root) : 'unknown'}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (typeof schema.type === 'string') return schema.type;
  return 'unknown';
}

const limitKeys = [
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
] as const;

function limitsOf(raw: JsonSchema, root: JsonSchema): string[] {
  const limits: string[] = [];
  for (const variant of variants(resolve(raw, root))) {
    const schema = resolve(variant, root);
    for (const key of limitKeys) {
      const value = schema[key];
      if (value === undefined) continue;
      if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
      if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
      limits.push(`${key} \`${String(value)}\``);
    }
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      limits.push(`one of ${schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ')}`);
    }
  }
  return [...new Set(limits)];
}

/** The object schema behind a field, when it is an object (or an array of objects). */
function objectOf(raw: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  const schema = resolve(raw, root);
  if (isObject(schema.properties)) return schema;
  if (schema.type === 'array' && isObject(schema.items)) return objectOf(schema.items, root);
  return undefined;
}

interface Field {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string | undefined;
  readonly limits: string[];
}

function fieldsOf(schema: JsonSchema, root: JsonSchema, prefix: string, depth: number): Field[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const fields: Field[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (!isObject(value)) continue;
    const field = resolve(value, root);
    const name = prefix + key;
    fields.push({
      name,
      type: typeOf(field, root),
      required: required.has(key),
      description: typeof field.description === 'string' ? field.description : undefined,
      limits: limitsOf(field, root),
    });
    const nested = objectOf(field, root);
    if (nested && depth < 4) {
      const suffix = resolve(field, root).type === 'array' ? '[].' : '.';
      fields.push(...fieldsOf(nested, root, name + suffix, depth + 1));
    }
  }
  return fields;
}

/**
 * The JSON Schema of what a call resolves to (its `output` schema, as parsed: `io: 'output'`),
 * or `undefined` when the operation declares none. Built as core's `toJsonSchema` builds the input.
 */
function outputSchemaOf(operation: AnyOperation): JsonSchema | undefined {
  if (operation.output === undefined) return undefined;
  return z.toJSONSchema(operation.output, {
    io: 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
}

/** One line per top-level field of an object schema (nested objects are named, not expanded). */
function topLevelLines(schema: JsonSchema, root: JsonSchema): string[] {
  const lines = fieldsOf(schema, root, '', 4).map((field) => {
    const type = field.type.includes('`') ? field.type : `\`${field.type}\``;
    return `- \`${field.name}\` (${type}, ${field.required ? 'always' : 'optional'})${
      field.description ? `: ${field.description}` : ''
    }`;
  });
  if (lines.length > 0 && schema.additionalProperties !== false) {
    lines.push('', 'Fields not listed are kept as the provider sent them.');
  }
  return lines;
}

/**
 * What a call resolves to: the top-level fields of its `output` schema (the response body), or,
 * when the SDK unwraps a one-field envelope (`{ transaction: {...} }`), of that field.
 */
function outputLines(operation: AnyOperation): string[] {
  const root = outputSchemaOf(operation);
  const built = operation.fromResponse !== undefined;
  if (root === undefined) {
    return [
      built
        ? "The SDK builds the result itself (the method's return type says what it holds); no response body is read."
        : 'No response body is read: `Ok` means the provider accepted the call.',
      '',
    ];
  }
  const schema = resolve(root, root);
  const properties = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  const [envelope] = properties;
  const inner = envelope !== undefined && isObject(envelope[1]) ? objectOf(envelope[1], root) : undefined;
  if (
    built &&
    !operation.paging &&
    properties.length === 1 &&
    envelope !== undefined &&
    inner !== undefined
  ) {
    return [
      `The result is built from the response body's \`${envelope[0]}\` object, unwrapped: its top-level fields below, plus any the SDK derives from them (the method's return type lists every field).`,
      '',
      ...topLevelLines(inner, root),
      '',
    ];
  }
  const lines: string[] = [];
  if (operation.paging) {
    lines.push(
      'The response body of each page has these top-level fields; iterating (`for await`, `toArray`) yields the records it holds, not the body.',
      '',
    );
  } else if (built) {
    lines.push('The result is built from a response body with these top-level fields:', '');
  } else {
    lines.push('The result is the response body, with these top-level fields:', '');
  }
  const fields = topLevelLines(schema, root);
  if (fields.length === 0) {
    lines.pop();
    lines.pop();
    lines.push(`The result is a response body of type \`${typeOf(schema, root)}\`.`);
  } else {
    lines.push(...fields);
  }
  lines.push('');
  return lines;
}

/** A sample value for a required field, for the example call. */
function sampleOf(raw: JsonSchema, root: JsonSchema, name: string): unknown {
  const schema = resolve(variants(resolve(raw, root))[0] ?? raw, root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const nested = objectOf(schema, root);
  if (schema.type === 'array') {
    return isObject(schema.items) ? [sampleOf(schema.items, root, name)] : [];
  }
  if (nested) return sampleObject(nested, root);
  if (schema.type === 'integer' || schema.type === 'number') {
    return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
  }
  if (schema.type === 'boolean') return true;
  if (schema.format === 'email') return 'jane@example.com';
  if (schema.format === 'date') return '2025-01-31';
  if (schema.format === 'date-time') return '2025-01-31T12:00:00Z';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com';
  if (/amount/i.test(name)) return '10.00';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 64;
  const base = /id$/i.test(name) && min >= 24 ? '11eb8bdf1ae2385e9ec6747a' : name;
  return base.padEnd(min, '0').slice(0, Math.max(max, 1));
}

function sampleObject(schema: JsonSchema, root: JsonSchema): Record<string, unknown> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const sample: Record<string, unknown> = {};
  for (const key of required) {
    const field = properties[key];
    if (typeof key === 'string' && isObject(field)) sample[key] = sampleOf(field, root, key);
  }
  return sample;
}

function literal(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, indent)).join(', ')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(([key, item]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
      return `${inner}${name}: ${literal(item, inner)},`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

/** The errors a call can return, from its declaration. */
function errorsOf(operation: AnyOperation, hasInput: boolean): string[] {
  const write =
    operation.effect === 'write' || (operation.effect === undefined && operation.method !== 'GET');
  const errors = [
    hasInput ? '`validation`: the input failed the schema above; nothing was sent.' : undefined,
    '`invalid_request`: the provider refused the request (400/422, with its field errors).',
    operation.auth === 'none' ? undefined : '`authentication`: the credentials were refused (401).',
    '`permission_denied`: the credentials lack access (403)' +
      (operation.scopes?.length ? ', for instance a missing scope.' : '.'),
    operation.path.includes('{') || operation.positional ? '`not_found`: no such record (404).' : undefined,
    write ? '`conflict`: the provider reports a conflicting state (409).' : undefined,
    '`rate_limited`: too many requests (429), after the retries allowed.',
    '`provider_unavailable`: the provider failed or is down (5xx), after the retries allowed.',
    '`network`, `timeout`, `aborted`: the call did not complete.',
    '`invalid_response`: the provider answered with a body the SDK cannot read.',
    '`provider_error`: any other provider failure.',
    write && operation.retry !== 'safe'
      ? 'Any of the transport errors above may carry `outcomeUnknown: true`: the request may have been applied. ' +
        (operation.retry === 'reconcile'
          ? 'The SDK has already looked the record up; check `error.reference` before resending.'
          : 'Check the record before resending.')
      : undefined,
  ];
  return errors.filter((line): line is string => line !== undefined);
}

function renderOperation(pkg: ReferencePackage, operation: AnyOperation): string {
  const [, resource = '', method = ''] = operation.id.split('.');
  const call = `${pkg.variable}.${resource}.${method}`;
  const root = toJsonSchema(operation);
  const fields = fieldsOf(root, root, '', 0);
  const sample = sampleObject(root, root);
  const lines: string[] = [`### ${resource}.${method}`, ''];

  lines.push('```ts', `${call}(input, options?)`);
  if (operation.positional) lines.push(`${call}(${operation.positional}, input?, options?)`);
  lines.push('```', '');
  lines.push(operation.summary, '');
  if (operation.description) lines.push(operation.description, '');
  lines.push(`- **Operation id:** \`${operation.id}\``);
  lines.push(`- **HTTP:** \`${operation.method} ${operation.path}\``);
  lines.push(`- **Retry mode:** \`${operation.retry}\`: ${retryMeaning[operation.retry] ?? ''}`);
  if (operation.positional) {
    lines.push(`- **Positional:** \`${operation.positional}\` may be passed as the first argument.`);
  }
  if (operation.paging) {
    lines.push('- **Paged:** the result can be iterated across pages (`for await`).');
  }
  if (operation.scopes?.length) {
    lines.push(`- **Scopes:** ${operation.scopes.map((scope) => `\`${scope}\``).join(', ')}`);
  }
  if (operation.auth === 'none') lines.push('- **Auth:** the call carries its own credentials.');
  if (operation.docsUrl) lines.push(`- **Provider docs:** <${operation.docsUrl}>`);
  lines.push('');

  lines.push('#### Input', '');
  if (fields.length === 0) {
    lines.push('No input fields.', '');
  } else {
    for (const field of fields) {
      const head = `- \`${field.name}\` (${field.type.includes('`') ? field.type : `\`${field.type}\``}, ${
        field.required ? '**required**' : 'optional'
      })`;
      const parts = [head];
      if (field.description) parts.push(`: ${field.description}`);
      if (field.limits.length > 0)
        parts.push(`${field.description ? ' ' : ': '}Limits: ${field.limits.join(', ')}.`);
      lines.push(parts.join(''));
    }
    if (root.additionalProperties === false) lines.push('', 'Unknown fields are refused (`validation`).');
    lines.push('');
  }

  lines.push('#### Output', '', ...outputLines(operation));

  lines.push('#### Errors', '', ...errorsOf(operation, fields.length > 0).map((line) => `- ${line}`), '');

  lines.push('#### Example', '', '```ts');
  const positionalValue = operation.positional ? sample[operation.positional] : undefined;
  if (operation.positional && positionalValue !== undefined) {
    const rest = { ...sample };
    delete rest[operation.positional];
    const restText = Object.keys(rest).length > 0 ? `, ${literal(rest)}` : '';
    lines.push(`const result = await ${call}(${literal(positionalValue)}${restText});`);
  } else {
    lines.push(`const result = await ${call}(${Object.keys(sample).length > 0 ? literal(sample) : '{}'});`);
  }
  lines.push(
    'if (result.isOk()) console.log(result.value);',
    'else console.error(result.error.code, result.error.message);',
    '```',
    '',
  );
  return lines.join('\n');
}

/** The markdown page of one package. */
export function renderPackage(pkg: ReferencePackage): string {
  const byResource = new Map<string, AnyOperation[]>();
  for (const operation of pkg.operations) {
    const resource = operation.id.split('.')[1] ?? '';
    byResource.set(resource, [...(byResource.get(resource) ?? []), operation]);
  }
  const lines = [
    '---',
    `title: ${JSON.stringify(pkg.title)}`,
    '---',
    '',
    `# ${pkg.packageName}`,
    '',
    `Every method of the client, generated from its operation declarations. Create the client with \`const ${pkg.variable} = ${pkg.factory};\`.`,
    'Each method returns a `Result`: `Ok` with the value, or `Err` with a `PaymentsError` whose `code` is one of those listed.',
    '`options` is the per-call `CallOptions`: retry and time limits (`maxRetries`, `timeoutMs`, `deadlineMs`, ...), `signal`, a stricter `retry` mode, and for lists `prefetch` and `maxPages`.',
    '',
    '## Contents',
    '',
  ];
  for (const [resource, operations] of byResource) {
    lines.push(`- **${resource}**: ${operations.map((op) => `\`${op.id.split('.')[2] ?? ''}\``).join(', ')}`);
  }
  lines.push('');
  for (const [resource, operations] of byResource) {
    lines.push(`## ${resource}`, '');
    for (const operation of operations) lines.push(renderOperation(pkg, operation));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function main(): void {
  const directory = fileURLToPath(new URL('../docs/reference/', import.meta.url));
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  for (const pkg of packages()) {
    writeFileSync(`${directory}${pkg.file}.md`, renderPackage(pkg));
    console.log(`docs/reference/${pkg.file}.md: ${pkg.operations.length} methods`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
