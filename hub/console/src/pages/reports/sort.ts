// Sorting a report table by one column: figures by value, text in Chinese order; cells without a value
// ('—', "评价不足5次") after every value whichever the direction, so a reversed ranking still starts
// with the ranked.
import type { Cell } from '@yichuang/shared/reports';

export interface SortBy {
  column: number;
  descending: boolean;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The rows in the order `by` asks, a copy; ties keep the hub's order. */
export function sortRows(rows: readonly Cell[][], by: SortBy | null): Cell[][] {
  if (!by) return [...rows];
  const { column, descending } = by;
  const numeric = rows.some((r) => typeof r[column] === 'number');
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = a.row[column];
      const y = b.row[column];
      if (numeric) {
        const xs = typeof x === 'number';
        const ys = typeof y === 'number';
        if (xs !== ys) return xs ? -1 : 1;
        if (!xs) return a.i - b.i;
        return ((x as number) - (y as number)) * (descending ? -1 : 1) || a.i - b.i;
      }
      return collator.compare(String(x ?? ''), String(y ?? '')) * (descending ? -1 : 1) || a.i - b.i;
    })
    .map(({ row }) => row);
}

/** The next sort after a click on `column`: by it ascending, then descending, then by another column afresh. */
export function nextSort(current: SortBy | null, column: number): SortBy {
  return current?.column === column ? { column, descending: !current.descending } : { column, descending: false };
}
