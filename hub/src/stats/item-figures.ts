// Figures by 事项编码: 办件量 (visits finished with the 事项 recorded at 办结) and their ratings,
// for the report's byItem section and its 事项 table, from the roll-ups' items (item-facts.ts)
// joined with the same roll-ups' ratings by ticket id.
import type { HallCatalogue } from '@yichuang/shared/kiosk';
import { RATING_LEVELS, type RatingLevel } from '@yichuang/shared/ratings';
import type { ItemFigures, Table } from '@yichuang/shared/reports';
import { emptyLevels, ratingFiguresOf } from './evaluation-figures.js';
import { sortKeys } from './figures.js';
import { decodeRatings, type DayRollup } from './rollup.js';
import { fewAtATime } from './stats-service.js';
import { RATING_COLUMNS, ratingCells } from './tables.js';

/** One day's counts per item code. */
type ItemDay = Record<string, { finished: number; caseNumbers: number; levels: Record<RatingLevel, number>; unrated: number }>;

/** A day's roll-up counted by item: its tickets finished with each, and their ratings (a day's ratings are its own tickets'). */
function itemDay(r: DayRollup): ItemDay {
  const out: ItemDay = {};
  const itemOf = new Map<string, string>();
  for (const [code, d] of Object.entries(r.items ?? {})) {
    out[code] = { finished: d.tickets.length, caseNumbers: d.caseNumbers, levels: emptyLevels(), unrated: 0 };
    for (const n of d.tickets) itemOf.set(`${r.day}/${n}`, code);
  }
  if (itemOf.size === 0) return out;
  for (const rating of decodeRatings(r.ratings, r.day)) {
    const item = out[itemOf.get(rating.ticketId) ?? ''];
    if (!item) continue;
    if (rating.level === 'unrated') item.unrated++;
    else item.levels[rating.level]++;
  }
  return out;
}

/**
 * Figures by item code over a period, from its days' roll-ups. Days that are over never change, so
 * their counts (a few numbers per item) are kept: a year's report reads each roll-up once.
 */
export class FiguresByItem {
  readonly #past = new Map<string, ItemDay>();

  constructor(
    private readonly source: { daysIn(from: string, to: string): Promise<string[]>; rollupOf(day: string): Promise<DayRollup> },
    private readonly today: () => string,
  ) {}

  async figures(from: string, to: string): Promise<Record<string, ItemFigures>> {
    const days = await this.source.daysIn(from, to);
    const counted = await fewAtATime(days, (d) => this.#day(d));
    const sum = new Map<string, ItemDay[string]>();
    for (const day of counted) {
      for (const [code, c] of Object.entries(day)) {
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

  async #day(day: string): Promise<ItemDay> {
    const kept = this.#past.get(day);
    if (kept) return kept;
    const counted = itemDay(await this.source.rollupOf(day));
    if (day < this.today()) this.#past.set(day, counted);
    return counted;
  }
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
