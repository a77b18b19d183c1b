import type { AnyOperation, CallOptions, PageIterator, PaymentsError, Result } from '@payweave/core';

/** The generic face every provider client shares: its catalogue and `execute` by id. */
export interface AnyClient {
  /** Provider id. */
  readonly provider: string;
  /** The operation catalogue. */
  readonly operations: readonly AnyOperation[];
  /** Runs an operation by id (a list operation returns a page iterator). */
  execute(id: string, input: unknown, options?: CallOptions): unknown;
}

/** The outcome of one call as the suite sees it: the first page of a list, or the single result. */
export type CallResult = Result<unknown, PaymentsError>;

/**
 * Runs `id` through the client's `execute`, reading only the first page of a list, so every
 * operation, paged or not, ends in one `Result`.
 */
export async function callOperation(
  client: AnyClient,
  id: string,
  input: unknown,
  options?: CallOptions,
): Promise<CallResult> {
  const operation = client.operations.find((candidate) => candidate.id === id);
  const outcome = client.execute(id, input, options);
  if (operation?.paging) return (outcome as PageIterator<unknown>).firstPage();
  return outcome as Promise<CallResult>;
}
