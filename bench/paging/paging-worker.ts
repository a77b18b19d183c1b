/**
 * Walks a list from a loopback simulator in a fresh process and reports records/s and RSS.
 * Args: <paya|leadconnector> <baseUrl> <records> <prefetch: on|off> <work ms per page>
 * "Work" stands for what a real job does with each page (a database write): an await of
 * that many ms, which is the time a prefetched next page can arrive in.
 */
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { leadConnectorSimDefaults, payaSimulatorDefaults } from '@payweave/testing';
import { reportResult } from '../lib/child-process.js';

/** Figures of one walk. */
export interface PagingResult {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  /** RSS before the walk, in bytes. */
  readonly startRss: number;
  /** Highest RSS seen after each page, in bytes. */
  readonly peakRss: number;
}

const pageSize = 1000;
const [provider, baseUrl, recordsArg, prefetchArg, workArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const records = Number(recordsArg);
const workMs = Number(workArg);
const options = { prefetch: prefetchArg === 'on' };

function walk(): AsyncIterable<{ readonly items: readonly unknown[] }> {
  if (provider === 'paya') {
    const paya = createPaya({ baseUrl, ...payaSimulatorDefaults.credentials });
    return paya.transactions.list({ page_size: pageSize }, options).pages();
  }
  const lc = createLeadConnector({
    baseUrl,
    accessToken: leadConnectorSimDefaults.accessToken,
    locationId: leadConnectorSimDefaults.locationId,
    rateLimit: false,
  });
  return lc.orders
    .list({ altId: leadConnectorSimDefaults.locationId, altType: 'location', limit: pageSize }, options)
    .pages();
}

const startRss = process.memoryUsage.rss();
let peakRss = startRss;
let seen = 0;
const started = performance.now();
for await (const page of walk()) {
  seen += page.items.length;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (workMs > 0) await new Promise((resolve) => setTimeout(resolve, workMs));
  if (seen >= records) break;
}
const seconds = (performance.now() - started) / 1000;
if (seen < records) throw new Error(`only ${seen} of ${records} records were listed`);
const result: PagingResult = { records: seen, seconds, recordsPerSecond: seen / seconds, startRss, peakRss };
reportResult(result);
