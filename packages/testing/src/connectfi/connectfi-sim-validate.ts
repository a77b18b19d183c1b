// A tiny validator producing connectFi's (AJV-style) `requestValidateError` context entries,
// written from the schemas the connectFi docs publish.

/** One AJV-style validation error, as connectFi returns them in `context`. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** A property rule of a request schema. */
export interface PropertyRule {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  nullable?: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: readonly string[];
  minimum?: number;
  items?: PropertyRule;
}

/** A request schema: its properties and which are required (no other property allowed). */
export interface RequestSchema {
  properties: Record<string, PropertyRule>;
  required?: readonly string[];
}

function typeMatches(rule: PropertyRule, value: unknown): boolean {
  switch (rule.type) {
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === rule.type;
  }
}

function checkValue(rule: PropertyRule, value: unknown, path: string, schemaPath: string): AjvError[] {
  if (value === null && rule.nullable) return [];
  if (!typeMatches(rule, value)) {
    return [
      {
        instancePath: path,
        schemaPath: `${schemaPath}/type`,
        keyword: 'type',
        params: { type: rule.type },
        message: `must be ${rule.type}`,
      },
    ];
  }
  const errors: AjvError[] = [];
  if (typeof value === 'string') {
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      errors.push({
        instancePath: path,
        schemaPath: `${schemaPath}/minLength`,
        keyword: 'minLength',
        params: { limit: rule.minLength },
        message: `must NOT have fewer than ${rule.minLength} characters`,
      });
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      errors.push({
        instancePath: path,
        schemaPath: `${schemaPath}/maxLength`,
        keyword: 'maxLength',
        params: { limit: rule.maxLength },
        message: `must NOT have more than ${rule.maxLength} characters`,
      });
    }
    if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
      errors.push({
        instancePath: path,
        schemaPath: `${schemaPath}/pattern`,
        keyword: 'pattern',
        params: { pattern: rule.pattern },
        message: `must match pattern "${rule.pattern}"`,
      });
    }
    if (rule.enum && !rule.enum.includes(value)) {
      errors.push({
        instancePath: path,
        schemaPath: `${schemaPath}/enum`,
        keyword: 'enum',
        params: { allowedValues: rule.enum },
        message: 'must be equal to one of the allowed values',
      });
    }
  }
  if (typeof value === 'number' && rule.minimum !== undefined && value < rule.minimum) {
    errors.push({
      instancePath: path,
      schemaPath: `${schemaPath}/minimum`,
      keyword: 'minimum',
      params: { comparison: '>=', limit: rule.minimum },
      message: `must be >= ${rule.minimum}`,
    });
  }
  if (Array.isArray(value) && rule.items) {
    value.forEach((item, index) => {
      errors.push(...checkValue(rule.items!, item, `${path}/${index}`, `${schemaPath}/items`));
    });
  }
  return errors;
}

/** Validates a request body; an empty array means valid. */
export function validateRequest(schema: RequestSchema, body: unknown): AjvError[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [
      {
        instancePath: '',
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
      },
    ];
  }
  const record = body as Record<string, unknown>;
  const errors: AjvError[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in record)) {
      errors.push({
        instancePath: '',
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: name },
        message: `must have required property '${name}'`,
      });
    }
  }
  for (const [name, value] of Object.entries(record)) {
    const rule = schema.properties[name];
    if (!rule) {
      errors.push({
        instancePath: '',
        schemaPath: '#/additionalProperties',
        keyword: 'additionalProperties',
        params: { additionalProperty: name },
        message: 'must NOT have additional properties',
      });
      continue;
    }
    if (value === undefined) continue;
    errors.push(...checkValue(rule, value, `/${name}`, `#/properties/${name}`));
  }
  return errors;
}
