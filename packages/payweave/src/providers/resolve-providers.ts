import { createConnectFi } from '@payweave/connectfi';
import { PaymentsError } from '@payweave/core';
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createPayConnect } from '@payweave/payconnect';
import type { ProviderClients, ProviderName, ProvidersInput } from './provider-map.js';

const factories: { [Name in ProviderName]: (settings: never) => ProviderClients[Name] } = {
  paya: createPaya,
  payconnect: createPayConnect,
  connectfi: createConnectFi,
  leadconnector: createLeadConnector,
};

/** Provider ids in a stable order. */
export const providerNames = Object.keys(factories) as ProviderName[];

function isClient(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { operations?: unknown }).operations) &&
    typeof (value as { execute?: unknown }).execute === 'function'
  );
}

/** Turns each provider entry into a client: clients are kept, settings go to the provider's factory. */
export function resolveProviders(input: ProvidersInput): Partial<ProviderClients> {
  const clients: Partial<Record<ProviderName, unknown>> = {};
  for (const name of Object.keys(input)) {
    if (!(name in factories)) {
      throw new PaymentsError({
        code: 'configuration',
        message: `payweave: unknown provider "${name}" (known: ${providerNames.join(', ')}).`,
        fieldErrors: { [`providers.${name}`]: ['is not a known provider'] },
      });
    }
    const entry = input[name as ProviderName];
    if (entry === undefined) continue;
    clients[name as ProviderName] = isClient(entry) ? entry : factories[name as ProviderName](entry as never);
  }
  return clients as Partial<ProviderClients>;
}
