// The district report as tables, as the page shows them and its CSV files hold them: each hall beside
// the district total, rankings of halls, windows and staff by 满意率 (only those rated at least
// RANKING_MIN_RATED times are ranked, as at the hall), and the period against the one before (环比).
import type { DistrictReport } from '@yichuang/shared/district';
import { t, type Lang } from '@yichuang/shared/district-console-i18n';
import { RANKING_MIN_RATED, type Cell, type RatingFigures, type Report, type Table } from '@yichuang/shared/reports';

const pct = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const min = (ms: number): number => Math.round(ms / 6000) / 10;

/** Ranked best first by 满意率, then by ratings; those rated too rarely follow, unranked ('—'). */
function ranked<T extends { ratings: RatingFigures }>(items: T[], row: (item: T) => Cell[]): Cell[][] {
  const enough = (i: T): boolean => i.ratings.rated >= RANKING_MIN_RATED && i.ratings.satisfaction !== null;
  const order = (a: T, b: T): number => (b.ratings.satisfaction ?? -1) - (a.ratings.satisfaction ?? -1) || b.ratings.rated - a.ratings.rated;
  const rankedItems = items.filter(enough).sort(order);
  return [...rankedItems.map((i, n) => [n + 1, ...row(i)]), ...items.filter((i) => !enough(i)).sort(order).map((i) => ['—', ...row(i)])];
}

const ratingCells = (r: RatingFigures): Cell[] => [r.rated, pct(r.satisfaction), pct(r.goodRate)];

export function hallTable(report: DistrictReport, lang: Lang): Table {
  const row = (name: string, r: Report): Cell[] => [
    name,
    r.total.issued,
    r.total.finished,
    min(r.total.wait.mean),
    min(r.total.wait.p90),
    pct(r.ratings.participation),
    pct(r.ratings.satisfaction),
    pct(r.ratings.goodRate),
    pct(r.cases.rectificationOnTime),
    pct(r.windowTotal.utilisation),
  ];
  return {
    id: 'halls',
    title: t('dreport.perHall', lang),
    columns: [
      t('halls.hall', lang),
      t('reports.issued', lang),
      t('reports.finished', lang),
      `${t('reports.meanWait', lang)} (min)`,
      `${t('reports.p90Wait', lang)} (min)`,
      t('dreport.participation', lang),
      t('dreport.satisfaction', lang),
      t('dreport.goodRate', lang),
      t('dreport.rectification', lang),
      t('reports.utilisation', lang),
    ],
    rows: [...report.halls.map((h) => row(h.name, h)), row(t('dreport.district', lang), report.district)],
  };
}

export function hallRanking(report: DistrictReport, lang: Lang): Table {
  return {
    id: 'rankHalls',
    title: t('dreport.rankHalls', lang),
    columns: [t('dreport.rank', lang), t('halls.hall', lang), t('dreport.rated', lang), t('dreport.satisfaction', lang), t('dreport.goodRate', lang), t('reports.issued', lang)],
    rows: ranked(report.halls, (h) => [h.name, ...ratingCells(h.ratings), h.total.issued]),
  };
}

/** Windows or staff of every hall, each named with its hall. */
export function peopleRanking(report: DistrictReport, of: 'window' | 'staff', lang: Lang): Table {
  const items = report.halls.flatMap((h) =>
    Object.entries(of === 'window' ? h.ratingsByWindow : h.ratingsByStaff).map(([id, ratings]) => ({ hall: h.name, id, ratings })),
  );
  return {
    id: of === 'window' ? 'rankWindows' : 'rankStaff',
    title: t(of === 'window' ? 'dreport.rankWindows' : 'dreport.rankStaff', lang),
    columns: [t('dreport.rank', lang), t('halls.hall', lang), t(of === 'window' ? 'dreport.window' : 'dreport.staff', lang), t('dreport.rated', lang), t('dreport.satisfaction', lang), t('dreport.goodRate', lang)],
    rows: ranked(items, (i) => [i.hall, i.id, ...ratingCells(i.ratings)]),
  };
}

/** The district's figures this period and the one before, with the change. */
export function comparison(now: Report, before: Report, lang: Lang): Table {
  const change = (a: number, b: number): string => (b === 0 ? '—' : `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%`);
  const points = (a: number | null, b: number | null): string => (a === null || b === null ? '—' : `${a >= b ? '+' : ''}${((a - b) * 100).toFixed(1)}`);
  return {
    id: 'mom',
    title: t('dreport.previous', lang, { from: before.from, to: before.to }),
    columns: [t('dreport.figure', lang), t('dreport.thisPeriod', lang), t('dreport.lastPeriod', lang), t('dreport.change', lang)],
    rows: [
      [t('reports.issued', lang), now.total.issued, before.total.issued, change(now.total.issued, before.total.issued)],
      [t('reports.finished', lang), now.total.finished, before.total.finished, change(now.total.finished, before.total.finished)],
      [`${t('reports.meanWait', lang)} (min)`, min(now.total.wait.mean), min(before.total.wait.mean), change(now.total.wait.mean, before.total.wait.mean)],
      [t('dreport.satisfaction', lang), pct(now.ratings.satisfaction), pct(before.ratings.satisfaction), points(now.ratings.satisfaction, before.ratings.satisfaction)],
      [t('dreport.goodRate', lang), pct(now.ratings.goodRate), pct(before.ratings.goodRate), points(now.ratings.goodRate, before.ratings.goodRate)],
      [t('dreport.participation', lang), pct(now.ratings.participation), pct(before.ratings.participation), points(now.ratings.participation, before.ratings.participation)],
    ],
  };
}

/** A table as a CSV file's address (UTF-8 with a BOM, so Excel reads the Chinese). */
export function csvHref(table: Table): string {
  const cell = (c: Cell): string => (typeof c === 'number' ? String(c) : /[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const text = [table.columns, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${text}\r\n`)}`;
}
