// The services assisted mode offers: walk-in services that issue a number now. An elderly visitor is
// never shown one that would only refuse (full today, closed now) or that no window serves. The hub
// puts each category's availability (engine/availability.ts, issue #23) on its queue view; a hub that
// sends none issues as before.
import type { Category, HallSnapshot } from '@yichuang/shared/domain';

/** The states in which a tap takes a number (a category with no open window still issues). */
const ISSUING: readonly string[] = ['open', 'noOpenWindow'];

export function offeredServices(snap: HallSnapshot): Category[] {
  const state = new Map(snap.queues.map((q) => [q.categoryId, (q as { availability?: { state: string } }).availability?.state ?? 'open']));
  return snap.categories.filter((c) => c.allowWalkIn && ISSUING.includes(state.get(c.id) ?? 'open'));
}
