// Taking a number: who may take one, and whether the category issues now (availability.ts).
import type { Category, ServiceDay } from '@yichuang/shared/domain';
import { appointmentRefusal, categoryAvailability, isAppointment } from './availability.js';
import { accept, fail, refuse, type CommandOf } from './guards.js';
import type { DecideContext, Decision, DomainError, EngineState } from './types.js';

type Issue = CommandOf<'issue'>;

export function decideIssue(state: EngineState, c: Issue, ctx: DecideContext, day: ServiceDay): Decision {
  const category = ctx.config.categories.find((k) => k.id === c.categoryId);
  if (!category) return fail('UNKNOWN_CATEGORY', { categoryId: c.categoryId });
  const refusal =
    permission(c, category) ??
    (isAppointment(c) ? appointmentRefusal(state, category, ctx.now, ctx.config) : categoryAvailability(state, category, ctx.now, ctx.config, ctx.load?.(category.id)).refusal);
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
