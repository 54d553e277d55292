// What a day's roll-up keeps of the 事项 recorded at 办结: which of its tickets were which item.
import type { Ticket } from '@yichuang/shared/domain';

/** Item code → the numbers of the day's tickets finished with it, and how many had a 办件编号. */
export type DayItems = Record<string, { tickets: string[]; caseNumbers: number }>;

/** The roll-up's `items` for a day's tickets (absent when no 事项 was recorded). */
export function dayItems(tickets: Iterable<Ticket>): { items?: DayItems } {
  const items: DayItems = {};
  for (const t of tickets) {
    if (t.state !== 'finished' || !t.itemCode) continue;
    const item = (items[t.itemCode] ??= { tickets: [], caseNumbers: 0 });
    item.tickets.push(t.number);
    if (t.caseNumber) item.caseNumbers++;
  }
  return Object.keys(items).length ? { items } : {};
}
