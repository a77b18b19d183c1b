import { isPaymentsError, type PaymentsError } from '@payweave/core';
import { connectFiHarness } from '../providers/connectfi-harness.js';
import { leadConnectorHarness } from '../providers/leadconnector-harness.js';
import { payaHarness } from '../providers/paya-harness.js';
import { payConnectHarness } from '../providers/payconnect-harness.js';
import { callOperation } from '../support/any-client.js';
import { pathPattern } from '../support/path-pattern.js';
import { pick, seededRandom } from '../support/random.js';
import { HUNG, withDeadline } from '../support/with-deadline.js';
import { soakFaults } from './soak-faults.js';
import {
  connectFiParticipant,
  leadConnectorParticipant,
  payaParticipant,
  payConnectParticipant,
  type SoakCall,
  type SoakParticipant,
} from './soak-mix.js';

/** Settings of {@link runSoak}. */
export interface SoakOptions {
  /** Calls in total, across the four providers. */
  calls: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Share of calls that get a random fault (0.1 = 10%). */
  faultRate: number;
  /** Seed of every random choice. */
  seed: number;
}

/** What a soak run found. */
export interface SoakReport {
  /** The options it ran with. */
  options: SoakOptions;
  /** Calls that returned Ok. */
  ok: number;
  /** Failed calls by error code. */
  failedByCode: Record<string, number>;
  /** Failed calls by `operation: code`. */
  failedByOperation: Record<string, number>;
  /** Faults injected, by name. */
  faultsInjected: Record<string, number>;
  /** Creates tracked by client reference. */
  writes: number;
  /** Extra records beyond one per client reference (must be 0). */
  duplicates: number;
  /** Reconcile-mode creates the client reported as failed that exist anyway (must be 0). */
  lostWrites: number;
  /** Creates the client reported as done that do not exist (must be 0). */
  phantomWrites: number;
  /**
   * `never`-mode creates that failed ambiguously (reset or timeout after the provider acted):
   * the SDK correctly did not resend and said the call failed; the record exists. Reported, not an error.
   */
  unknownOutcomeExisting: number;
  /** Calls that did not end within their deadline (must be 0). */
  hung: number;
  /** Failures that were not a PaymentsError, or had no attempt history (must be 0). */
  untyped: number;
  /** Latency percentiles in ms. */
  p50Ms: number;
  /** 99th percentile. */
  p99Ms: number;
  /** Heap used at start and end, in MB. */
  memoryStartMb: number;
  /** At the end. */
  memoryEndMb: number;
  /** Wall time of the run. */
  durationMs: number;
}

/**
 * Limits of the soak's clients. The per-attempt timeout is longer than the matrix's: 32 calls
 * in flight against four simulators in this same process queue for the CPU, and a timeout
 * caused by our own load would measure the test machine, not the SDK.
 */
const soakLimits = {
  timeoutMs: 1_000,
  backoffBaseMs: 2,
  backoffMaxMs: 20,
  maxRetries: 2,
  maxRetryAfterMs: 500,
  deadlineMs: 5_000,
} as const;

interface Outcome {
  call: SoakCall;
  error: PaymentsError | undefined;
  ms: number;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 10) / 10;
}

/**
 * Runs a mixed load across the four providers on loopback, with random transient faults,
 * then checks the simulators' records against what the client reported.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const random = seededRandom(options.seed);
  const [paya, leadconnector, payconnect, connectfi] = await Promise.all(
    [payaHarness, leadConnectorHarness, payConnectHarness, connectFiHarness].map((harness) =>
      harness.start(soakLimits),
    ),
  );
  const participants: SoakParticipant[] = [
    payaParticipant(paya!),
    leadConnectorParticipant(leadconnector!),
    payConnectParticipant(payconnect!),
    connectFiParticipant(connectfi!),
  ];
  const memoryStartMb = heapMb();
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const faultsInjected: Record<string, number> = {};
  let hung = 0;
  let issued = 0;

  const worker = async () => {
    while (issued < options.calls) {
      issued += 1;
      const participant = pick(participants, random);
      const call = participant.next(random);
      const operation = call.env.client.operations.find((candidate) => candidate.id === call.operation)!;
      if (random() < options.faultRate) {
        const fault = pick(soakFaults, random);
        fault.arm(call.env, { method: operation.method, path: pathPattern(operation.path) });
        faultsInjected[fault.name] = (faultsInjected[fault.name] ?? 0) + 1;
      }
      const begin = performance.now();
      const result = await withDeadline(
        callOperation(call.env.client, call.operation, call.input),
        soakLimits.deadlineMs + 2_000,
      );
      const ms = performance.now() - begin;
      if (result === HUNG) {
        hung += 1;
        continue;
      }
      outcomes.push({ call, error: result.isErr() ? result.error : undefined, ms });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = Math.round(performance.now() - started);

  const failedByCode: Record<string, number> = {};
  const failedByOperation: Record<string, number> = {};
  let untyped = 0;
  for (const { call, error } of outcomes) {
    if (!error) continue;
    failedByCode[error.code] = (failedByCode[error.code] ?? 0) + 1;
    const key = `${call.operation}: ${error.code}`;
    failedByOperation[key] = (failedByOperation[key] ?? 0) + 1;
    if (!isPaymentsError(error) || (error.code !== 'validation' && error.attempts.length === 0)) untyped += 1;
  }

  let writes = 0;
  let duplicates = 0;
  let lostWrites = 0;
  let phantomWrites = 0;
  let unknownOutcomeExisting = 0;
  for (const participant of participants) {
    participant.env.simulator.faults.clear();
    const records = participant.recordsByRef();
    for (const { call, error } of outcomes) {
      if (call.env !== participant.env || !call.write) continue;
      writes += 1;
      const count = records.get(call.write.ref) ?? 0;
      duplicates += Math.max(0, count - 1);
      if (!error && count === 0) phantomWrites += 1;
      if (error && count > 0) {
        if (call.write.mode === 'never') unknownOutcomeExisting += 1;
        else lostWrites += 1;
      }
    }
  }
  const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const report: SoakReport = {
    options,
    ok: outcomes.filter((outcome) => !outcome.error).length,
    failedByCode,
    failedByOperation,
    faultsInjected,
    writes,
    duplicates,
    lostWrites,
    phantomWrites,
    unknownOutcomeExisting,
    hung,
    untyped,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    memoryStartMb,
    memoryEndMb: heapMb(),
    durationMs,
  };
  await Promise.all(participants.map((participant) => participant.env.close()));
  return report;
}

/** The report as printed lines. */
export function formatSoakReport(report: SoakReport): string {
  const { options } = report;
  return [
    `soak: ${options.calls} calls, concurrency ${options.concurrency}, ${options.faultRate * 100}% faults, seed ${options.seed}, ${report.durationMs} ms`,
    `  ok ${report.ok}; failed by code ${JSON.stringify(report.failedByCode)}`,
    `  failed by operation ${JSON.stringify(report.failedByOperation)}`,
    `  faults injected ${JSON.stringify(report.faultsInjected)}`,
    `  writes tracked ${report.writes}: duplicates ${report.duplicates}, lost ${report.lostWrites}, phantom ${report.phantomWrites}, never-mode failed-but-recorded ${report.unknownOutcomeExisting}`,
    `  hung ${report.hung}, untyped failures ${report.untyped}`,
    `  latency p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms; heap ${report.memoryStartMb} MB -> ${report.memoryEndMb} MB`,
  ].join('\n');
}
