import { expect, it } from 'vitest';
import { watchUnhandledRejections } from '../support/unhandled-rejections.js';
import { formatSoakReport, runSoak } from './run-soak.js';

it('800 mixed calls with 10% random faults at concurrency 32: nothing duplicated, nothing lost', async () => {
  const rejections = watchUnhandledRejections();
  const report = await runSoak({ calls: 800, concurrency: 32, faultRate: 0.1, seed: 20_240_801 });
  rejections.stop();
  console.log(formatSoakReport(report));
  expect(report.ok + Object.values(report.failedByCode).reduce((a, b) => a + b, 0)).toBe(800);
  expect(report.writes).toBeGreaterThan(100);
  expect({
    duplicates: report.duplicates,
    lostWrites: report.lostWrites,
    phantomWrites: report.phantomWrites,
    hung: report.hung,
    untyped: report.untyped,
    unhandled: rejections.seen.length,
  }).toEqual({ duplicates: 0, lostWrites: 0, phantomWrites: 0, hung: 0, untyped: 0, unhandled: 0 });
});
