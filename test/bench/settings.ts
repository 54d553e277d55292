// How big the bench runs: the full run (the README's figures) and a quick run to try the harness.
// The steady issuing rate, 5 tickets a second, is some 40 times the busiest half hour of a
// 2,000-ticket day; the ramp then finds how far beyond that the hub keeps its p99.
import type { HistorySettings } from './history/history-folder.js';
import type { LoadSettings } from './load/protocol.js';

export interface BenchSettings {
  mode: 'full' | 'quick';
  history: HistorySettings;
  devices: number;
  /** Hub starts timed (the last one stays up for the rest of the run). */
  starts: number;
  /** Reports timed after a first, untimed one, as long as they stay within the budget (at least one). */
  reports: number;
  reportBudgetMs: number;
  load: LoadSettings;
  /** The whole run is stopped after this long, whatever it is doing. */
  deadlineMs: number;
}

const FULL: BenchSettings = {
  mode: 'full',
  history: { days: 365, ticketsPerWorkday: 2000 },
  devices: 500,
  starts: 3,
  reports: 3,
  reportBudgetMs: 60_000,
  load: {
    calls: 200,
    warmUpCalls: 10,
    // 30 s: over 12 s (60 tickets, CPU read in 10 ms ticks) the CPU per ticket swung 2.0–5.2 ms between runs.
    steady: { rate: 5, seconds: 30 },
    bursts: 5,
    ramp: { rates: [10, 20, 30, 40, 50, 60, 80, 100, 130, 160, 200, 260, 320], seconds: 3, p99LimitMs: 100 },
  },
  deadlineMs: 9 * 60_000,
};

const QUICK: BenchSettings = {
  mode: 'quick',
  history: { days: 30, ticketsPerWorkday: 2000 },
  devices: 100,
  starts: 2,
  reports: 2,
  reportBudgetMs: 20_000,
  load: {
    calls: 40,
    warmUpCalls: 5,
    steady: { rate: 5, seconds: 6 },
    bursts: 5,
    ramp: { rates: [10, 20, 40, 80, 160], seconds: 2, p99LimitMs: 100 },
  },
  deadlineMs: 4 * 60_000,
};

export const SETTINGS = { full: FULL, quick: QUICK };

export function benchSettings(argv: readonly string[]): BenchSettings {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length > 0) throw new Error(`用法 / usage: npm run bench [-- --quick]  (unknown: ${unknown.join(' ')})`);
  return argv.includes('--quick') ? SETTINGS.quick : SETTINGS.full;
}
