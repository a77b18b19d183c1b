import type { Logger } from '@payweave/core';

/**
 * Looks a provider's raw status up in a mapping table. An unmapped value gives `unknown`
 * and a warning, never a crash: providers add statuses without notice.
 */
export function mapStatus<Unified extends string>(
  table: Readonly<Record<string, Unified>>,
  raw: string,
  context: { provider: string; kind: string; logger?: Logger | undefined },
): Unified | 'unknown' {
  const unified = Object.hasOwn(table, raw) ? table[raw] : undefined;
  if (unified !== undefined) return unified;
  context.logger?.warn(
    `payweave: unmapped ${context.provider} ${context.kind} status "${raw}"; reported as unknown.`,
    {
      provider: context.provider,
      raw,
    },
  );
  return 'unknown';
}
