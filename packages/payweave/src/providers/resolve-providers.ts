import { createConnectFi } from '@payweave/connectfi';
import { PaymentsError } from '@payweave/core';
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createPayConnect } from '@payweave/payconnect';
import type { ProviderClients, ProviderName } from './provider-map.js';

/** `L` when it lists every provider, `never` (a compile error where it is used) otherwise. */
type EveryProvider<L extends readonly ProviderName[]> = [Exclude<ProviderName, L[number]>] extends [never]
  ? L
  : never;

const providerIds = ['paya', 'payconnect', 'connectfi', 'leadconnector'] as const;

/**
 * Provider ids in a stable order. A literal, not `Object.keys` of the factory table: a
 * top-level call would keep every provider's factory in a bundle that imports only
 * `createPaya` from `payweave`.
 */
export const providerNames: EveryProvider<typeof providerIds> = providerIds;

/**
 * Each provider's factory. Built on call, inside `createPayweave`, so that nothing at the
 * top level of the facade references a provider package and bundlers can drop the
 * providers an app does not import.
 */
function factoryOf<Name extends ProviderName>(name: Name): (settings: never) => ProviderClients[Name] {
  const factories: { [Key in ProviderName]: (settings: never) => ProviderClients[Key] } = {
    paya: createPaya,
    payconnect: createPayConnect,
    connectfi: createConnectFi,
    leadconnector: createLeadConnector,
  };
  return factories[name];
}

function isKnownProvider(name: string): name is ProviderName {
  return (providerNames as readonly string[]).includes(name);
}

function isClient(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { operations?: unknown }).operations) &&
    typeof (value as { execute?: unknown }).execute === 'function'
  );
}

/** The `configuration` error of `createPayweave`, naming the setting. */
export function settingsError(field: string, why: string, cause?: unknown): PaymentsError {
  return new PaymentsError({
    code: 'configuration',
    message: `payweave: ${field} ${why}.`,
    fieldErrors: { [field]: [why] },
    cause,
  });
}

/**
 * Turns each provider entry into a client: clients are kept, settings go to the provider's
 * factory. Throws a `configuration` error naming the entry for anything else; provider
 * names are looked up as own properties, so `constructor` or `__proto__` is unknown.
 */
export function resolveProviders(input: unknown): Partial<ProviderClients> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw settingsError(
      'providers',
      `must be an object of provider clients or settings (known: ${providerNames.join(', ')})`,
    );
  }
  const clients: Partial<Record<ProviderName, unknown>> = {};
  for (const name of Object.keys(input)) {
    if (!isKnownProvider(name)) {
      throw new PaymentsError({
        code: 'configuration',
        message: `payweave: unknown provider ${JSON.stringify(name.slice(0, 40))} (known: ${providerNames.join(', ')}).`,
        fieldErrors: { [`providers.${name}`]: ['is not a known provider'] },
      });
    }
    const provider = name;
    const entry = (input as Record<string, unknown>)[provider];
    if (entry === undefined) continue;
    if (typeof entry !== 'object' || entry === null) {
      throw settingsError(
        `providers.${provider}`,
        'must be a client from its factory or its settings object',
      );
    }
    let client: unknown;
    try {
      client = isClient(entry) ? entry : factoryOf(provider)(entry as never);
    } catch (error) {
      if (error instanceof PaymentsError) throw error;
      throw settingsError(`providers.${provider}`, 'could not be used to make a client', error);
    }
    clients[provider] = client;
  }
  return clients as Partial<ProviderClients>;
}
