// The bench's figures, and the table rows that hold them against docs/design.md §8's targets.
import { gzipKb, PAGE_TARGETS_KB } from '../../shared/vite/page-size.js';
import type { PageBundle } from './bundles.js';
import type { ReportTiming } from './hub-timing.js';
import type { BurstResult, FanoutResult, IssueResult, RampResult, RecoveryResult } from './load/protocol.js';
import type { BenchSettings } from './settings.js';
import type { TicketSize } from './ticket-size.js';

export interface Figures {
  history: { firstDay: string; today: string; days: number; tickets: number; records: number; journalMb: number; rollupMb: number; generationMs: number; cached: boolean };
  hubStartMs: number[];
  report: { firstMs: number; runsMs: number[]; answer: Omit<ReportTiming, 'ms'> };
  fanout: FanoutResult;
  steady: IssueResult;
  burst: BurstResult;
  /**
   * CPU time per operation, from /proc: less sensitive than latencies to other work on the machine.
   * A hub call is callNext + noShow (two commands, two broadcasts); a bare call is one broadcast.
   */
  cpuMs: {
    hubPerCall: number;
    barePerCall: number;
    /** Gross: the hub's CPU over the steady phase ÷ its tickets, idle work included. */
    hubPerTicket: number;
    /** Marginal: the same less the hub's idle CPU over as long a time — what the tickets cost. */
    hubPerTicketMarginal: number;
    /** The bare server broadcasting the same changes at the same rate (bare-server.ts), gross and marginal. */
    barePerTicket: number;
    barePerTicketMarginal: number;
  };
  /** A quiet stretch as long as the steady phase, every device connected: each server's CPU, in cores. */
  idle: { seconds: number; hubCores: number; bareCores: number };
  ramp: RampResult;
  /** The hub SIGKILLed with every screen connected, then started on its port again. */
  restart: RecoveryResult & { waiting: number; issued: number; servingMs: number };
  /** The hub's peak is taken before the reports, which need far more. */
  memory: { devices: number; hubIdleMb: number; hubRssMb: number; hubPeakMb: number; bareRssMb: number };
  bundles: PageBundle[];
  ticket: TicketSize;
}

export interface Row {
  metric: string;
  value: string;
  target: string;
  /** null where there is no target. */
  met: boolean | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average when the bench started: other work on the machine skews every figure. */
  loadAtStart: number;
}

export interface BenchResults {
  mode: BenchSettings['mode'];
  at: string;
  machine: Machine;
  settings: BenchSettings;
  durationS: number;
  /** Seconds per stage of the run. */
  stagesS: Record<string, number>;
  figures: Figures;
  rows: Row[];
}


export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x)} ms`;
const pair = (a: number, b: number): string => `${ms(a).replace(' ms', '')} / ${ms(b)}`;
const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 100) / 100 : NaN);
const atMost = (value: number, limit: number): boolean => Number.isFinite(value) && value <= limit;

export function rows(f: Figures, s: BenchSettings): Row[] {
  const out: Row[] = [];
  const add = (metric: string, value: string, target = '—', met: boolean | null = null): void => void out.push({ metric, value, target, met });
  const h = f.history;

  add(
    'History on disk (synthetic, through the engine)',
    `${h.days} days to ${h.today}, ${h.tickets.toLocaleString('en')} tickets, ${h.records.toLocaleString('en')} events; journal ${h.journalMb} MB, roll-ups ${h.rollupMb} MB; ${h.cached ? 'cached, was generated' : 'generated'} in ${(h.generationMs / 1000).toFixed(1)} s`,
  );
  const start = median(f.hubStartMs);
  // The targets are issue 19's: start with a year of history ≤ 1 s, the first year report after a start ≤ 500 ms.
  add(`Hub start → serving (median of ${f.hubStartMs.length})`, ms(start), '≤ 1000 ms', atMost(start, 1000));
  add(`${h.days}-day report, GET /api/reports: the first after a start`, ms(f.report.firstMs), '≤ 500 ms', atMost(f.report.firstMs, 500));
  add(`… and the median of ${f.report.runsMs.length} after it`, ms(median(f.report.runsMs)));

  const { hub, bare, receivers, payloadBytes } = f.fanout;
  const devices = `${receivers} boards, displays and pads of ${f.memory.devices} devices`;
  add(`Call → each of ${devices}, per delivery p50 / p99`, `hub ${pair(hub.delivery.p50, hub.delivery.p99)}; bare ${pair(bare.delivery.p50, bare.delivery.p99)}`);
  add(`Call → the last of them, per call p50 / p99 (${hub.last.n} calls, ${payloadBytes} B payload)`, `hub ${pair(hub.last.p50, hub.last.p99)}; bare ${pair(bare.last.p50, bare.last.p99)}`);
  const deliveryRatio = ratio(hub.delivery.p99, bare.delivery.p99);
  add('Fan-out p99, hub ÷ bare Socket.IO (per delivery)', `${deliveryRatio}×`, '≤ 1.5×', atMost(deliveryRatio, 1.5) && hub.missed === 0);
  const lastRatio = ratio(hub.last.p99, bare.last.p99);
  add('Fan-out p99, hub ÷ bare Socket.IO (to the last receiver)', `${lastRatio}×`, '≤ 1.5×', atMost(lastRatio, 1.5) && hub.missed === 0);

  add('CPU per call (callNext, then the noShow that frees the window): hub / bare sending the same broadcasts to the same sockets', `hub ${f.cpuMs.hubPerCall} ms / bare ${f.cpuMs.barePerCall} ms`);
  const perCallRatio = ratio(f.cpuMs.hubPerCall, f.cpuMs.barePerCall);
  add('CPU per call, hub ÷ bare Socket.IO', `${perCallRatio}×`, '≤ 1.5×', atMost(perCallRatio, 1.5));

  const issue = (r: IssueResult, p99Ms: number): boolean => atMost(r.ack.p99, p99Ms) && r.errors === 0 && r.unanswered === 0;
  add(`Issue → durable ack, steady ${s.load.steady.rate}/s, p50 / p99 (${f.steady.ack.n} tickets)`, pair(f.steady.ack.p50, f.steady.ack.p99), 'p99 ≤ 10 ms', issue(f.steady, 10));
  add(`Issue → durable ack, burst of ${f.burst.size} kiosks at once ×${f.burst.bursts}, p50 / p99`, pair(f.burst.ack.p50, f.burst.ack.p99), 'p99 ≤ 20 ms', issue(f.burst, 20));
  const c = f.cpuMs;
  const idle = `${f.idle.hubCores} cores idle with ${f.memory.devices} devices (bare ${f.idle.bareCores})`;
  add(`Hub CPU per issued ticket, steady phase, gross (idle work included; ${idle})`, `hub ${c.hubPerTicket} ms; bare ${c.barePerTicket} ms`);
  add('Hub CPU per issued ticket, marginal (steady − idle over as long, ÷ tickets): compared with the target', `${c.hubPerTicketMarginal} ms`, '≤ 3 ms', atMost(c.hubPerTicketMarginal, 3));
  const perTicketRatio = ratio(c.hubPerTicketMarginal, c.barePerTicketMarginal);
  add(
    `Hub CPU per ticket ÷ bare Socket.IO broadcasting the same changes (staff's tickets and boards' queues gathered, as the hub sends them), marginal`,
    `${perTicketRatio}× (bare ${c.barePerTicketMarginal} ms)`,
    '≤ 2×',
    atMost(perTicketRatio, 2),
  );
  const top = f.ramp.steps.at(-1);
  const stoppedAt = top && top.rate !== f.ramp.sustained ? `; at ${top.rate}/s p99 ${ms(top.ack.p99)}` : '';
  add(`Sustained tickets/s with ack p99 ≤ ${s.load.ramp.p99LimitMs} ms (steps of ${s.load.ramp.seconds} s)`, `${f.ramp.sustained}/s${stoppedAt}`, '≥ 300/s', f.ramp.sustained >= 300);
  const r = f.restart;
  add(
    `Restart: hub SIGKILLed with ${f.memory.devices} devices and ${r.waiting} waiting of ${r.issued} → every screen right again, p50 / p99 after serving (${ms(r.servingMs)} to serve)`,
    `${pair(r.right.p50, r.right.p99)}${r.missed ? `; ${r.missed} never` : ''}`,
    'p99 ≤ 2000 ms',
    atMost(r.right.p99, 2000) && r.missed === 0,
  );
  add('One snapshot of the whole hall on the restarted hub (a window’s, tickets included)', ms(r.snapshotMs), '≤ 20 ms', atMost(r.snapshotMs, 20));
  const m = f.memory;
  add(`Hub memory (VmRSS) with ${m.devices} devices connected`, `${m.hubRssMb} MB (${m.hubIdleMb} MB before they came; peak under load ${m.hubPeakMb} MB; bare server ${m.bareRssMb} MB)`);

  for (const b of f.bundles) {
    const kb = gzipKb(b);
    const target = PAGE_TARGETS_KB[b.page];
    add(`Bundle ${b.page}, gzip (${b.files} files)`, `${kb} KB`, target ? `≤ ${target} KB` : '—', target ? kb <= target : null);
  }
  const t = f.ticket;
  add(`Bytes per printed ticket (test/bench/ticket-size.ts, ${t.slips} kinds of slip up to the worst case the layout allows)`, `${t.firstBytes} B plain; largest ${t.maxBytes} B`, '≤ 300 B', t.maxBytes <= 300);
  return out;
}
