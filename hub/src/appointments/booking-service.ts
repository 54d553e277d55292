// Booking, changing, cancelling and looking up appointments, for the phone page and for staff:
// turns requests into engine commands (with the category's rules) and answers with views.
import { randomInt, randomUUID } from 'node:crypto';
import type { AppointmentDay, BookableService, BookedBy, BookingView, SlotView } from '@yichuang/shared/appointments';
import type { HallConfig, ServiceDay } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import { maskName, maskPhone } from '@yichuang/shared/identity';
import { serviceDay } from '@yichuang/shared/time';
import { bookingByCode } from '../engine/booking.js';
import { appointmentsOf } from '../engine/state.js';
import type { Command } from '../engine/types.js';
import type { Actor, HallService } from '../hall/hall-service.js';
import type { JournalRecord } from '../storage/journal.js';
import { bookableServices, bookingView, dayView, slotViews, type RulesFor } from './book-views.js';
import type { PhoneVault } from './phone-vault.js';

/** A fresh code clashing with one in the book is rare (a few thousand of a million); try again. */
const CODE_ATTEMPTS = 5;

export interface NewBooking {
  categoryId: string;
  slotStart: number;
  name: string;
  phone: string;
}

export interface BookingServiceDeps {
  hall: HallService;
  config: () => HallConfig;
  clock: () => number;
  rulesFor: RulesFor;
  vault: PhoneVault;
}

export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  private get today(): ServiceDay {
    return serviceDay(this.deps.clock(), this.deps.config().hall.timeZone);
  }

  services(): BookableService[] {
    return bookableServices(this.deps.hall.current, this.deps.config(), this.deps.rulesFor, this.deps.clock());
  }

  slots(categoryId: string, day: ServiceDay): Ack<SlotView[]> {
    const config = this.deps.config();
    const category = config.categories.find((c) => c.id === categoryId);
    if (!category) return { ok: false, error: appError('UNKNOWN_CATEGORY', { categoryId }) };
    const rules = this.deps.rulesFor(categoryId);
    if (!category.allowAppointment || !rules.enabled) return { ok: false, error: appError('APPOINTMENT_NOT_ALLOWED') };
    return { ok: true, data: slotViews(this.deps.hall.current, config, category, rules, day, this.deps.clock()) };
  }

  day(day: ServiceDay = this.today): AppointmentDay {
    return dayView(this.deps.hall.current, this.deps.config(), this.deps.rulesFor, day, this.deps.clock());
  }

  /**
   * Books a slot. `cmdKey` makes a resent request book once; for the phone page it includes the
   * phone's key, so nobody can fetch another person's booking by guessing a request id.
   */
  async book(input: NewBooking, by: BookedBy, actor: Actor, cmdKey: (phoneKey: string) => string): Promise<Ack<BookingView>> {
    const { vault, rulesFor } = this.deps;
    const phone = { masked: maskPhone(input.phone), key: vault.key(input.phone) };
    for (let attempt = 1; ; attempt++) {
      const command: Command = {
        type: 'book',
        bookingId: randomUUID(),
        code: String(randomInt(1_000_000)).padStart(6, '0'),
        categoryId: input.categoryId,
        slotStart: input.slotStart,
        name: maskName(input.name),
        phone,
        contact: vault.seal(input.phone),
        by,
        rules: rulesFor(input.categoryId),
      };
      const result = await this.deps.hall.execute(command, actor, cmdKey(phone.key));
      if (result.ok) return this.answer(result.data, undefined);
      if (result.error.code !== 'APPOINTMENT_CODE_TAKEN' || attempt === CODE_ATTEMPTS) return result;
    }
  }

  /** A citizen's own booking, by its code and the phone number's last 4 digits. */
  lookup(code: string, phoneTail: string): Ack<BookingView> {
    const b = bookingByCode(this.deps.hall.current, code);
    if (!b || b.phone.masked.slice(-4) !== phoneTail) return { ok: false, error: appError('APPOINTMENT_UNKNOWN') };
    return { ok: true, data: bookingView(b, this.deps.config()) };
  }

  async change(input: { code: string; phoneTail?: string; slotStart: number }, actor: Actor, cmdKey?: string): Promise<Ack<BookingView>> {
    const b = bookingByCode(this.deps.hall.current, input.code);
    if (!b) return { ok: false, error: appError('APPOINTMENT_UNKNOWN') };
    const command: Command = { type: 'changeBooking', ...input, rules: this.deps.rulesFor(b.categoryId) };
    const result = await this.deps.hall.execute(command, actor, cmdKey);
    return result.ok ? this.answer(result.data, input.code) : result;
  }

  async cancel(input: { code: string; phoneTail?: string }, by: BookedBy, actor: Actor, cmdKey?: string): Promise<Ack<BookingView>> {
    const result = await this.deps.hall.execute({ type: 'cancelBooking', ...input, by }, actor, cmdKey);
    return result.ok ? this.answer(result.data, input.code) : result;
  }

  /** The booking a command produced (or, for a change that changed nothing, the one it named). */
  private answer(records: readonly JournalRecord[], code: string | undefined): Ack<BookingView> {
    const booked = records.find((r) => r.event.type === 'appointment.booked')?.event;
    const b =
      booked?.type === 'appointment.booked' ? appointmentsOf(this.deps.hall.current).bookings.get(booked.booking.id)
      : code !== undefined ? bookingByCode(this.deps.hall.current, code)
      : undefined;
    return b ? { ok: true, data: bookingView(b, this.deps.config()) } : { ok: false, error: appError('INTERNAL') };
  }
}
