// The services assisted mode offers: walk-in services that issue a number now. An elderly visitor is
// never shown one that would only refuse (full today, closed now) or that no window serves; the rule
// is the kiosk's own (availability.ts, from the hub's engine/availability.ts).
import type { Category, HallSnapshot } from '@yichuang/shared/domain';
import { availabilityOf, issues, offeredCategories } from '../availability';

export const offeredServices = (snap: HallSnapshot): Category[] => offeredCategories(snap).filter((c) => issues(availabilityOf(snap, c.id)));
