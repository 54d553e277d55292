// Rankings of windows and staff for a period, by the report's own figures (docs/design.md §3): 满意率
// ((非常满意 + 满意) / rated), volume (finished visits) and mean wait (first call − issue). Ties share
// a rank (1, 2, 2, 4). By 满意率 only those rated at least RANKING_MIN_RATED times are ranked.
import { RANKING_MIN_RATED, type Cell, type RatingFigures, type Table, type TicketFigures } from '@yichuang/shared/reports';

const minutes = (ms: number): number => Math.round((ms / 60_000) * 10) / 10;
const percent = (share: number): number => Math.round(share * 1000) / 10;

interface Entry {
  id: string;
  finished: number;
  /** Mean wait (ms), or null when nobody was called there. */
  wait: number | null;
  rated: number;
  satisfaction: number | null;
}

/** Competition ranks (1, 2, 2, 4) of the entries that have a value, better first. */
function ranks(entries: readonly Entry[], value: (e: Entry) => number | null, better: 'higher' | 'lower'): Map<string, number> {
  const valued = entries.filter((e) => value(e) !== null).sort((a, b) => (better === 'higher' ? value(b)! - value(a)! : value(a)! - value(b)!));
  const out = new Map<string, number>();
  valued.forEach((e, i) => out.set(e.id, i > 0 && value(valued[i - 1]!) === value(e) ? out.get(valued[i - 1]!.id)! : i + 1));
  return out;
}

export const RANKING_COLUMNS = (who: string): string[] => [
  who,
  '满意率排名 Rank by satisfaction',
  '满意率% Satisfied',
  '评价 Rated',
  '办结量排名 Rank by volume',
  '办结 Finished',
  '平均等候排名 Rank by wait',
  '平均等候(分) Wait mean',
];

/** One ranking table: every window (or staff member) with figures, ranked three ways, the 满意率 ranking first. */
export function rankingTable(
  id: string,
  title: string,
  who: string,
  figures: Record<string, TicketFigures>,
  ratings: Record<string, RatingFigures>,
  name: (id: string) => string,
): Table {
  const ids = [...new Set([...Object.keys(figures), ...Object.keys(ratings)])];
  const entries: Entry[] = ids.map((key) => {
    const f = figures[key];
    const r = ratings[key];
    return { id: key, finished: f?.finished ?? 0, wait: f && f.wait.n > 0 ? f.wait.mean : null, rated: r?.rated ?? 0, satisfaction: r?.satisfaction ?? null };
  });
  const bySatisfaction = ranks(entries, (e) => (e.rated >= RANKING_MIN_RATED ? e.satisfaction : null), 'higher');
  const byVolume = ranks(entries, (e) => e.finished, 'higher');
  const byWait = ranks(entries, (e) => e.wait, 'lower');
  const unranked = `评价不足${RANKING_MIN_RATED}次 Fewer than ${RANKING_MIN_RATED} ratings`;
  const order = (e: Entry): [number, number] => [bySatisfaction.get(e.id) ?? Infinity, byVolume.get(e.id) ?? Infinity];
  const rows = [...entries]
    .sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1])
    .map((e): Cell[] => [
      name(e.id),
      bySatisfaction.get(e.id) ?? unranked,
      e.satisfaction === null ? '—' : percent(e.satisfaction),
      e.rated,
      byVolume.get(e.id) ?? '—',
      e.finished,
      byWait.get(e.id) ?? '—',
      e.wait === null ? '—' : minutes(e.wait),
    ]);
  return { id, title, columns: RANKING_COLUMNS(who), rows };
}
