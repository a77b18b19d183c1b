import { readFileSync } from 'node:fs';
import type { AnyOperation } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { leadConnectorResources } from './index.js';

interface SpecSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, SpecSchema>;
  required?: string[];
  items?: SpecSchema;
  allOf?: SpecSchema[];
}
interface SpecParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: SpecSchema;
}
interface SpecOperation {
  operationId: string;
  parameters?: SpecParameter[];
  requestBody?: { content: Record<string, { schema: SpecSchema }> };
}

// Read from the package's own copy: CI runs on a clean clone without the shared folder.
const spec = JSON.parse(readFileSync(new URL('../openapi/payments.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, SpecSchema> };
};

function resolve(schema: SpecSchema): SpecSchema {
  if (schema.$ref)
    return resolve(spec.components.schemas[schema.$ref.split('/').pop() as string] as SpecSchema);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0] as SpecSchema);
  return schema;
}

// A value the spec allows for a schema: its example, else a plausible one of the type.
function sample(schema: SpecSchema, name: string): unknown {
  const resolved = resolve(schema);
  if (resolved.enum) return resolved.enum[0];
  if (resolved.properties) {
    const value: Record<string, unknown> = {};
    for (const key of resolved.required ?? [])
      value[key] = sample(resolved.properties[key] as SpecSchema, key);
    return value;
  }
  if (resolved.type === 'array') return [sample(resolved.items ?? { type: 'string' }, name)];
  if (resolved.type === 'boolean') return true;
  if (resolved.type === 'number') return name === 'qty' ? 1 : 10;
  if (/url/i.test(name)) return 'https://example.com/image.png';
  if (/date/i.test(name)) return '2024-03-01T00:00:00Z';
  if (name === 'uniqueName') return 'acme-pay';
  if (name === 'last4') return '4242';
  if (typeof resolved.example === 'string' && resolved.example !== '') return resolved.example;
  return 'abc123';
}

const operations = Object.values(leadConnectorResources).flatMap(
  (resource) => Object.values(resource) as AnyOperation[],
);
const specOperations = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
);

describe('contract with payments.json', () => {
  it('has 23 operations, each with an SDK operation of the same method and path', () => {
    expect(specOperations).toHaveLength(23);
    const missing = specOperations.filter(
      ({ path, method }) => !operations.some((op) => op.method === method && op.path === path),
    );
    expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  for (const { path, method, operation } of specOperations) {
    // Two SDK operations may share a method and path (none do for payments); check every match.
    const matches = operations.filter((op) => op.method === method && op.path === path);

    it(`${method} ${path} (${operation.operationId}) accepts every required parameter and every enum value`, () => {
      expect(matches.length).toBeGreaterThan(0);
      for (const op of matches) {
        const input: Record<string, unknown> = {};
        const enums: [string, unknown[]][] = [];
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'header') continue;
          const schema = parameter.schema ?? { type: 'string' };
          if (schema.enum) enums.push([parameter.name, schema.enum]);
          if (parameter.required) input[parameter.name] = sample(schema, parameter.name);
        }
        const body = operation.requestBody?.content['application/json']?.schema;
        if (body) {
          const resolved = resolve(body);
          for (const [name, property] of Object.entries(resolved.properties ?? {})) {
            const propertySchema = resolve(property);
            if (propertySchema.enum) enums.push([name, propertySchema.enum]);
            if (resolved.required?.includes(name)) input[name] = sample(property, name);
          }
        }
        const parsed = z.safeParse(op.input, input);
        expect(parsed.success, `${op.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        for (const [name, values] of enums) {
          for (const value of values) {
            const withValue = z.safeParse(op.input, { ...input, [name]: value });
            expect(withValue.success, `${op.id}: ${name}=${String(value)}`).toBe(true);
          }
        }
      }
    });
  }
});
