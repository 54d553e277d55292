// Figures by 事项编码: 办件量 (visits finished with the 事项 recorded at 办结) and their ratings,
// for the report's byItem section and its 事项 table: the report's days' counts (item-facts.ts
// itemCounts, made as a day is read for a report and carried in month packs) summed.
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import { RATING_LEVELS } from '@yichuang/shared/ratings';
import type { ItemFigures, Table } from '@yichuang/shared/reports';
import { emptyLevels, ratingFiguresOf } from './evaluation-figures.js';
import { sortKeys } from './figures.js';
import type { ItemCounts } from './item-facts.js';
import { RATING_COLUMNS, ratingCells } from './tables.js';

/** Figures by item code over the report's days: their counts summed. */
export function itemFiguresOf(days: readonly { items?: ItemCounts }[]): Record<string, ItemFigures> {
  const sum = new Map<string, ItemCounts[string]>();
  for (const day of days) {
    for (const [code, c] of Object.entries(day.items ?? {})) {
      const s = sum.get(code) ?? { finished: 0, caseNumbers: 0, levels: emptyLevels(), unrated: 0 };
      s.finished += c.finished;
      s.caseNumbers += c.caseNumbers;
      s.unrated += c.unrated;
      for (const l of RATING_LEVELS) s.levels[l] += c.levels[l];
      sum.set(code, s);
    }
  }
  return Object.fromEntries(
    sortKeys(sum.keys()).map((code) => {
      const s = sum.get(code)!;
      return [code, { finished: s.finished, caseNumbers: s.caseNumbers, ratings: ratingFiguresOf(s.levels, s.unrated, s.finished) }];
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
