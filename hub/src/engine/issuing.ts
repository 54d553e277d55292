// Taking a number: who may take one, when, and how many.
import type { Category, PriorityClass, ServiceDay, TicketSource } from '@yichuang/shared/domain';
import { formatClock, formatLocal, localParts, nextOpening, periodsOn, withinPeriods, zonedInstant } from '@yichuang/shared/time';
import { accept, fail, refuse, type CommandOf } from './guards.js';
import type { DecideContext, Decision, DomainError, EngineState } from './types.js';

type Issue = CommandOf<'issue'>;

/** An appointment check-in, by where it came from or by its class. Caps and quotas skip these. */
const isAppointment = (t: { source: TicketSource; priority: PriorityClass }): boolean =>
  t.source === 'appointment' || t.priority === 'appointment';

export function decideIssue(state: EngineState, c: Issue, ctx: DecideContext, day: ServiceDay): Decision {
  const category = ctx.config.categories.find((k) => k.id === c.categoryId);
  if (!category) return fail('UNKNOWN_CATEGORY', { categoryId: c.categoryId });
  const refusal = permission(c, category) ?? hours(c, category, ctx) ?? quota(state, c, category, ctx);
  if (refusal) return refuse(refusal);

  const seq = (state.counters[category.id] ?? 0) + 1;
  const number = category.prefix + String(seq).padStart(3, '0');
  return accept({
    type: 'ticket.issued',
    at: ctx.now,
    ticketId: `${day}/${number}`,
    number,
    categoryId: category.id,
    source: c.source,
    priority: c.priority,
    ...(c.identity && { identity: c.identity }),
    ...(c.kioskId !== undefined && { kioskId: c.kioskId }),
    ...(c.dueAt !== undefined && { dueAt: c.dueAt }),
  });
}

function permission(c: Issue, category: Category): DomainError | undefined {
  if (c.priority === 'green' && !category.allowPriority) return { code: 'PRIORITY_NOT_ALLOWED' };
  if (isAppointment(c)) {
    // No dedicated code: a screen should never offer booking for such a category.
    return category.allowAppointment ? undefined : { code: 'APPOINTMENT_NOT_ALLOWED' };
  }
  // Checked before the hours, so a booking-only service says "please book first" at any time.
  return category.allowWalkIn ? undefined : { code: 'WALK_IN_NOT_ALLOWED' };
}

/** Walk-in hours take everyone; appointment-only hours (周末不打烊) take appointments only. */
function hours(c: Issue, category: Category, { now, config }: DecideContext): DomainError | undefined {
  const { timeZone, schedule } = config.hall;
  const local = localParts(now, timeZone);
  const walkIn = category.hours ?? schedule.hours;
  if (withinPeriods(periodsOn(walkIn, local.day, schedule), local.minutes)) return undefined;
  if (category.appointmentHours && withinPeriods(periodsOn(category.appointmentHours, local.day, schedule), local.minutes)) {
    return isAppointment(c) ? undefined : { code: 'APPOINTMENT_ONLY' };
  }
  const next = nextOpening(walkIn, now, timeZone, schedule);
  return next === undefined ? { code: 'HALL_CLOSED' } : { code: 'OUTSIDE_HOURS', params: { nextOpening: formatLocal(next, timeZone) } };
}

/** Daily cap and per-slot quota, both over today's walk-in tickets first issued in this category. */
function quota(state: EngineState, c: Issue, category: Category, { now, config }: DecideContext): DomainError | undefined {
  const { dailyCap, slotQuota, name } = category;
  if (isAppointment(c) || (dailyCap === undefined && !slotQuota)) return undefined;
  // A transfer changes categoryId; the first period keeps the category the number was taken in.
  const walkIns = Object.values(state.tickets).filter(
    (t) => (t.periods[0]?.categoryId ?? t.categoryId) === category.id && !isAppointment(t),
  );
  if (dailyCap !== undefined && walkIns.length >= dailyCap) return { code: 'DAILY_CAP_REACHED', params: { name, cap: dailyCap } };
  if (slotQuota) {
    // Slots are counted from local midnight.
    const { timeZone } = config.hall;
    const local = localParts(now, timeZone);
    const first = Math.floor(local.minutes / slotQuota.minutes) * slotQuota.minutes;
    const start = zonedInstant(local.day, first, timeZone);
    const end = zonedInstant(local.day, first + slotQuota.minutes, timeZone);
    const inSlot = walkIns.filter((t) => t.issuedAt >= start && t.issuedAt < end).length;
    if (inSlot >= slotQuota.max) return { code: 'SLOT_FULL', params: { name, nextSlot: formatClock(end, timeZone) } };
  }
  return undefined;
}
