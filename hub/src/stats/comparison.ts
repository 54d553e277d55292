// 环比: the period's headline figures beside the same figures of the period before it
// (previousPeriod in shared/reports.ts), each computed by the same report, so their definitions agree.
import type { Cell, Report, Table } from '@yichuang/shared/reports';

const minutes = (ms: number): number => Math.round((ms / 60_000) * 10) / 10;
const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** A figure of a report, in the unit its row names; null where its base is empty. */
type Figure = [label: string, value: (r: Report) => number | null];

const FIGURES: Figure[] = [
  ['取号量 Tickets issued', (r) => r.total.issued],
  ['办结量 Finished', (r) => r.total.finished],
  ['平均等候(分) Mean wait (min)', (r) => (r.total.wait.n ? minutes(r.total.wait.mean) : null)],
  ['等候P90(分) Wait p90 (min)', (r) => (r.total.wait.n ? minutes(r.total.wait.p90) : null)],
  ['等候超时占比% Waits over threshold', (r) => (r.total.wait.n ? percent(r.total.wait.overThreshold) : null)],
  ['平均办理(分) Mean service (min)', (r) => (r.total.service.n ? minutes(r.total.service.mean) : null)],
  ['即办率% Done-on-the-spot share', (r) => (r.total.finished ? percent(r.total.doneShare) : null)],
  ['过号率% No-show rate', (r) => (r.total.issued ? percent(r.total.noShowRate) : null)],
  ['参评率% Participation', (r) => percent(r.ratings.participation)],
  ['满意率% Satisfied', (r) => percent(r.ratings.satisfaction)],
  ['好评率% Good', (r) => percent(r.ratings.goodRate)],
  ['预约 Bookings made', (r) => r.appointments.booked],
];

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function comparisonTable(report: Report, previous: Report): Table {
  return {
    id: 'comparison',
    title: `环比 Compared with ${previous.from} – ${previous.to}`,
    columns: ['指标 Metric', `本期 ${report.from} – ${report.to}`, `上期 ${previous.from} – ${previous.to}`, '变化 Change', '环比% Change %'],
    rows: FIGURES.map(([label, value]): Cell[] => {
      const now = value(report);
      const before = value(previous);
      const change = now === null || before === null ? '—' : round1(now - before);
      const relative = now === null || before === null || before === 0 ? '—' : round1(((now - before) / before) * 100);
      return [label, now ?? '—', before ?? '—', change, relative];
    }),
  };
}
