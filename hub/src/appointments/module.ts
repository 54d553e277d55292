// The appointments domain in the hub (预约): the phone page's REST routes, staff booking and check-in
// commands, the no-show timer, and the notice outbox.
import type { ServiceDay } from '@yichuang/shared/domain';
import { dueNoShows } from '../engine/booking.js';
import type { HallCore } from '../hall/core.js';
import { HUB_ACTOR } from '../hall/hall-service.js';
import type { Routes } from '../http/routes.js';
import type { Ticketing } from '../queue/ticketing.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { Domain } from '../realtime/socket-server.js';
import type { JournalRecord } from '../storage/journal.js';
import { BookingService } from './booking-service.js';
import { CheckInService } from './check-in-service.js';
import { registerAppointmentHandlers, type AppointmentServices } from './handlers.js';
import { Outbox, recordOnlySender, type NoticeSender } from './outbox.js';
import { PhoneVault } from './phone-vault.js';
import { appointmentRoutes } from './routes.js';
import { loadSettings, rulesFor } from './settings.js';

/** No-shows and reminders are looked for this often; polling also copes with a clock that jumps. */
const CHECK_EVERY_MS = 15_000;

/** Service days whose appointments the records changed. */
function changedDays(records: readonly JournalRecord[]): Set<ServiceDay> {
  const days = new Set<ServiceDay>();
  for (const { day, event: e } of records) {
    if (e.type === 'appointment.booked') days.add(e.booking.day);
    else if (e.type === 'appointment.changed') days.add(e.fromDay).add(e.day);
    else if (e.type === 'appointment.cancelled' || e.type === 'appointment.checkedIn' || e.type === 'appointment.noShow') days.add(e.day);
    else if (e.type === 'appointment.notified') days.add(day);
  }
  return days;
}

export interface AppointmentsDeps extends HallCore {
  api: Routes;
  broadcaster: Broadcaster;
  /** Check-in issues a ticket as taking a number does (and prints a kiosk's slip). */
  ticketing: Ticketing;
  dataDir: string;
}

/**
 * `sender` delivers notices; the demo hall's only records them (journal, console). Its rules file and
 * phone key are opened before the hub starts: a damaged key stops the start with a message saying
 * what to do, rather than a hub that takes bookings it cannot keep.
 */
export async function createAppointmentsModule(deps: AppointmentsDeps, sender: NoticeSender = recordOnlySender): Promise<Domain> {
  const { hall, config, clock, log } = deps;
  const failed = (what: string) => (err: unknown) => log(`${what} failed: ${(err as Error).stack ?? String(err)}`);
  const [settings, vault] = await Promise.all([
    loadSettings(deps.dataDir, log),
    PhoneVault.open(deps.dataDir, { inUse: (hall.current.appointments?.bookings.size ?? 0) > 0, log }),
  ]);
  const services: AppointmentServices = {
    bookings: new BookingService({ hall, config, clock, vault, rulesFor: (id) => rulesFor(settings, id) }),
    checkIns: new CheckInService(hall, (command, device, key) => deps.ticketing.issueWith(command, device, key)),
  };
  const outbox = new Outbox({ hall, config, clock, log, vault, sender, reminderMinutesBefore: settings.notices.reminderMinutesBefore });

  let closed = false;
  const flush = (): void => {
    if (!closed) outbox.flush().catch(failed('appointment notices'));
  };
  const check = (): void => {
    if (closed) return;
    void (async () => {
      if (dueNoShows(hall.current, clock()).length > 0) {
        const marked = await hall.execute({ type: 'markNoShows' }, HUB_ACTOR);
        if (!marked.ok) log(`no-shows not marked: ${marked.error.messageEn}`);
      }
      await outbox.flush();
    })().catch(failed('appointments check'));
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();

  hall.onRecords((records) => {
    const days = changedDays(records);
    if (days.size > 0) deps.broadcaster.toRoles('console', 'window').emit('appointment:changed', { at: clock(), days: [...days].sort() });
    // New bookings want their confirmation, calls their "called" notice: send now, not at the next tick.
    if (days.size > 0 || records.some((r) => r.event.type === 'ticket.called')) flush();
  });
  check();
  appointmentRoutes(deps.api, { bookings: services.bookings, config, clock, limits: settings.rateLimit });

  return {
    register: (ctx) => registerAppointmentHandlers(ctx, services),
    async close() {
      closed = true;
      clearInterval(timer);
      await outbox.settled();
    },
  };
}
