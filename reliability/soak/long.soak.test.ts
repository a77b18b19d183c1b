import { expect, it } from 'vitest';
import { watchUnhandledRejections } from '../support/unhandled-rejections.js';
import { formatSoakReport, runSoak } from './run-soak.js';

const calls = 10_000;

it(`${calls} mixed calls with 10% random faults at concurrency 32: nothing duplicated, nothing lost`, async () => {
  const rejections = watchUnhandledRejections();
  const report = await runSoak({ calls, concurrency: 32, faultRate: 0.1, seed: 424_242 });
  rejections.stop();
  console.log(formatSoakReport(report));
  expect(report.ok + Object.values(report.failedByCode).reduce((a, b) => a + b, 0)).toBe(calls);
  expect({
    duplicates: report.duplicates,
    lostWrites: report.lostWrites,
    phantomWrites: report.phantomWrites,
    hung: report.hung,
    untyped: report.untyped,
    unhandled: rejections.seen.length,
  }).toEqual({ duplicates: 0, lostWrites: 0, phantomWrites: 0, hung: 0, untyped: 0, unhandled: 0 });
});
