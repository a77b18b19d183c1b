import type { CoreOptions } from '@payweave/core';
import type { Simulator } from '@payweave/testing';
import type { AnyClient } from './any-client.js';

/** A provider client and its simulator, listening on loopback, as one test run uses them. */
export interface ProviderEnv {
  /** Provider id (`paya`, `leadconnector`, ...). */
  readonly name: string;
  /** The client most operations run on. */
  readonly client: AnyClient;
  /** Other clients by name, for operations that need another credential (agency, app token). */
  readonly clients: Readonly<Record<string, AnyClient>>;
  /** The simulator behind every client. */
  readonly simulator: Simulator<unknown>;
  /** Every credential and token the clients were given or issued (for the secrets scan). */
  secrets(): string[];
  /**
   * Counts of what a write can create or append (records, payments, notifications, status
   * history), so a duplicate shows as a count that moved by more than one.
   */
  snapshot(): Record<string, number>;
  /** Expires every token or session the provider issued (token providers only). */
  expireTokens?(): void;
  /** Stops the simulator. */
  close(): Promise<void>;
}

/** One valid call of an operation: its input, built against the live simulator. */
export interface OperationFixture {
  /** Builds a valid input; may create prerequisite records first (no fault is armed yet). */
  input(env: ProviderEnv): unknown;
  /** Which of `env.clients` runs it (default `env.client`). */
  client?: string;
  /**
   * Error codes a `safe` write may end with when the provider already applied it and the
   * retry is refused (voiding twice, deleting twice).
   */
  replayCodes?: readonly string[];
  /** Input fields the client may fill in before sending (client references), so not compared. */
  filled?: readonly string[];
}

/** Fixtures of one provider, by operation id. */
export type FixtureSet = Readonly<Record<string, OperationFixture>>;

/** How the suite starts a provider. */
export interface ProviderHarness {
  /** Provider id. */
  readonly name: string;
  /** One valid input per operation id. */
  readonly fixtures: FixtureSet;
  /** Starts a simulator on loopback and clients with these core options. */
  start(options: CoreOptions): Promise<ProviderEnv>;
}

/** The client a fixture names, else the main one. */
export function clientFor(env: ProviderEnv, fixture: OperationFixture | undefined): AnyClient {
  const named = fixture?.client === undefined ? undefined : env.clients[fixture.client];
  return named ?? env.client;
}
