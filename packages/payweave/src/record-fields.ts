/** A provider record read field by field: outputs are tolerant, so every field may be missing or odd. */
export type ProviderRecord = Readonly<Record<string, unknown>>;

/** A string field, or `undefined`. */
export function stringField(record: ProviderRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A nested object field, or an empty record. */
export function objectField(record: ProviderRecord, key: string): ProviderRecord {
  const value = record[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as ProviderRecord)
    : {};
}

/** Unix seconds (number or numeric string) as an ISO date-time. */
export function unixToIso(value: unknown): string | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : undefined;
}
