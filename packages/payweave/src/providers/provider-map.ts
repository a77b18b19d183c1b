import type { ConnectFiClient, ConnectFiSettings } from '@payweave/connectfi';
import type { LeadConnectorClient, LeadConnectorSettings } from '@payweave/leadconnector';
import type { PayaClient, PayaSettings } from '@payweave/paya';
import type { PayConnectClient, PayConnectSettings } from '@payweave/payconnect';

/** The client type of each provider. */
export interface ProviderClients {
  /** Paya Connect. */
  paya: PayaClient;
  /** PayConnect. */
  payconnect: PayConnectClient;
  /** connectFi. */
  connectfi: ConnectFiClient;
  /** LeadConnector (HighLevel). */
  leadconnector: LeadConnectorClient;
}

/** The settings type of each provider's factory. */
export interface ProviderSettings {
  /** Settings of `createPaya`. */
  paya: PayaSettings;
  /** Settings of `createPayConnect`. */
  payconnect: PayConnectSettings;
  /** Settings of `createConnectFi`. */
  connectfi: ConnectFiSettings;
  /** Settings of `createLeadConnector`. */
  leadconnector: LeadConnectorSettings;
}

/** A provider id. */
export type ProviderName = keyof ProviderClients;

/** Each provider given as a client made by its factory, or as that factory's settings. */
export type ProvidersInput = { [Name in ProviderName]?: ProviderClients[Name] | ProviderSettings[Name] };

/** The providers present in `P`. */
export type ConfiguredName<P extends ProvidersInput> = {
  [Name in keyof P & ProviderName]-?: undefined extends P[Name] ? never : Name;
}[keyof P & ProviderName];

/** The clients of the providers configured in `P` (and only those). */
export type ConfiguredProviders<P extends ProvidersInput> = {
  readonly [Name in ConfiguredName<P>]: ProviderClients[Name];
};
