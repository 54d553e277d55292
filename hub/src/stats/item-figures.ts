// Figures by 事项编码: 办件量 (visits finished with the 事项 recorded at 办结) and their ratings,
// for the report's byItem section and its 事项 table, from the roll-ups' items (item-facts.ts);
// ratings are joined to them by ticket id.
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import type { Rating } from '@yichuang/shared/ratings';
import type { ItemFigures, Table } from '@yichuang/shared/reports';
import { ratingFigures } from './evaluation-figures.js';
import { sortKeys } from './figures.js';
import { decodeRatings, type DayRollup } from './rollup.js';
import { RATING_COLUMNS, ratingCells } from './tables.js';

/** Per item code over the days' roll-ups: visits finished, with a 办件编号, and the ratings of those visits. */
export function itemFigures(rollups: readonly DayRollup[]): Record<string, ItemFigures> {
  const itemOf = new Map<string, string>();
  const counts = new Map<string, { finished: number; caseNumbers: number; ratings: Rating[] }>();
  for (const r of rollups) {
    for (const [code, d] of Object.entries(r.items ?? {})) {
      const c = counts.get(code) ?? { finished: 0, caseNumbers: 0, ratings: [] };
      c.finished += d.tickets.length;
      c.caseNumbers += d.caseNumbers;
      counts.set(code, c);
      for (const n of d.tickets) itemOf.set(`${r.day}/${n}`, code);
    }
  }
  for (const r of rollups) {
    for (const rating of decodeRatings(r.ratings, r.day)) {
      const code = itemOf.get(rating.ticketId);
      if (code) counts.get(code)!.ratings.push(rating);
    }
  }
  return Object.fromEntries(
    sortKeys(counts.keys()).map((code) => {
      const c = counts.get(code)!;
      return [code, { finished: c.finished, caseNumbers: c.caseNumbers, ratings: ratingFigures(c.ratings, c.finished) }];
    }),
  );
}

/** The 事项 table of the report's exports (XLSX sheet, CSV ?table=items), items named from the catalogue. */
export function itemTable(byItem: Record<string, ItemFigures>, catalogue: HallCatalogue): Table {
  const name = (code: string): string => catalogue.items.find((i) => i.code === code)?.name ?? '';
  return {
    id: 'items',
    title: '事项 By service item',
    columns: ['事项编码 Item code', '事项名称 Item', '办件量 Cases', '有办件编号 With case number', ...RATING_COLUMNS.slice(1)],
    rows: Object.entries(byItem).map(([code, f]) => [code, name(code), f.finished, f.caseNumbers, ...ratingCells(f.ratings).slice(1)]),
  };
}
