// What the ticket's phone page shows: today's ticket by number, with nothing personal in it.
import type { HallConfig } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { TicketFollow } from '@yichuang/shared/kiosk';
import { serviceDay } from '@yichuang/shared/time';
import type { Views } from '../hall/views.js';

export interface FollowSource {
  views: Views;
  config: HallConfig;
  /** The day the engine's state is of: until the first command of a day, still the day before. */
  stateDay: string | null;
  now: number;
}

export function ticketFollow({ views, config, stateDay, now }: FollowSource, number: string, day?: string): Ack<TicketFollow> {
  const today = serviceDay(now, config.hall.timeZone);
  // Numbers restart every day: yesterday's A023 is someone else's today.
  if (day && day !== today) return { ok: false, error: appError('TICKET_NOT_TODAY', { day }) };
  const ticket = stateDay === today ? views.ticketByNumber(number) : undefined;
  if (!ticket) return { ok: false, error: appError('UNKNOWN_TICKET', { number }) };
  const category = config.categories.find((c) => c.id === ticket.categoryId);
  const window = ticket.windowId ? config.windows.find((w) => w.id === ticket.windowId) : undefined;
  const waiting = ticket.state === 'waiting';
  const noOpenWindow = waiting && category !== undefined && views.availability(category).state === 'noOpenWindow';
  return {
    ok: true,
    data: {
      hallName: config.hall.name,
      hallNameEn: config.hall.nameEn,
      timeZone: config.hall.timeZone,
      number: ticket.number,
      day: today,
      categoryName: category?.name ?? ticket.categoryId,
      categoryNameEn: category?.nameEn ?? ticket.categoryId,
      state: ticket.state,
      priority: ticket.priority,
      ahead: waiting ? (ticket.ahead ?? 0) : undefined,
      estimatedWaitMin: waiting && !noOpenWindow ? views.ticketWaitMin(ticket) : undefined,
      ...(noOpenWindow && { noOpenWindow }),
      windowNumber: window?.number,
      windowName: window?.name,
      windowNameEn: window?.nameEn,
      at: now,
    },
  };
}
