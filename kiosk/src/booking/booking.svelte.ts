// The phone page's state: a new booking (service → day → slot → details → code), and looking up,
// cancelling or changing a booking by its code and phone tail.
import type { BookableService, BookingPage, BookingView, SlotView } from '@yichuang/shared/appointments';
import type { ServiceDay } from '@yichuang/shared/domain';
import { newCmdId } from '@yichuang/shared/command-id';
import { isValidPhone } from '@yichuang/shared/identity';
import type { StringKey } from '@yichuang/shared/i18n';
import { api, type ApiError, type ApiResult } from '../rest';

/** A day and a slot of one service, with the day's slots fetched from the hub. */
export class SlotChoice {
  day = $state<ServiceDay | null>(null);
  slots = $state.raw<SlotView[]>([]);
  slot = $state.raw<SlotView | null>(null);
  loading = $state(false);
  error = $state.raw<ApiError | null>(null);

  constructor(readonly service: BookableService) {}

  pickDay = async (day: ServiceDay): Promise<void> => {
    this.day = day;
    this.slot = null;
    this.loading = true;
    const answer = await api('get', '/appointments/slots', { query: { categoryId: this.service.id, day } });
    if (this.day !== day) return; // another day was picked meanwhile
    this.loading = false;
    this.slots = answer.ok ? answer.data : [];
    this.error = answer.ok ? null : answer.error;
  };

  /** Fetches the day's slots again, e.g. after a slot filled up under the citizen's thumb. */
  refresh(): Promise<void> {
    return this.day ? this.pickDay(this.day) : Promise.resolve();
  }
}

export class NewBooking {
  page = $state.raw<BookingPage | null>(null);
  loadError = $state.raw<ApiError | null>(null);
  choice = $state.raw<SlotChoice | null>(null);
  name = $state('');
  phone = $state('');
  /** A check made here, before asking the hub. */
  invalid = $state<StringKey | null>(null);
  busy = $state(false);
  error = $state.raw<ApiError | null>(null);
  booked = $state.raw<BookingView | null>(null);
  /** One id per booking attempt: a resent form books once. */
  private requestId = newCmdId();

  load = async (): Promise<void> => {
    const answer = await api('get', '/appointments/services');
    if (answer.ok) {
      this.page = answer.data;
      this.loadError = null;
    } else this.loadError = answer.error;
  };

  chooseService = (service: BookableService): void => {
    this.choice = new SlotChoice(service);
    this.error = null;
  };

  submit = async (): Promise<void> => {
    const slot = this.choice?.slot;
    if (!this.choice || !slot || this.busy) return;
    this.invalid = !this.name.trim() ? 'book.badName' : !isValidPhone(this.phone.trim()) ? 'book.badPhone' : null;
    if (this.invalid) return;
    this.busy = true;
    this.error = null;
    const answer = await api('post', '/appointments', {
      body: { requestId: this.requestId, categoryId: this.choice.service.id, slotStart: slot.start, name: this.name.trim(), phone: this.phone.trim() },
    });
    this.busy = false;
    if (answer.ok) {
      this.booked = answer.data;
      this.requestId = newCmdId();
    } else {
      this.error = answer.error;
      void this.choice.refresh();
    }
  };

  /** Back to the start for another booking; name and phone stay for the same person. */
  again = (): void => {
    this.booked = null;
    this.choice = null;
    this.error = null;
    void this.load();
  };
}

export class ManageBooking {
  code = $state('');
  tail = $state('');
  booking = $state.raw<BookingView | null>(null);
  /** What just happened, to say so. */
  done = $state<'cancelled' | 'changed' | null>(null);
  /** Changing: a slot choice in the booking's own service. */
  choice = $state.raw<SlotChoice | null>(null);
  busy = $state(false);
  invalid = $state(false);
  error = $state.raw<ApiError | null>(null);

  /** Opens a booking just made, without asking for code and tail again. */
  open(booking: BookingView): void {
    this.code = booking.code;
    this.tail = booking.phone.slice(-4);
    this.booking = booking;
    this.done = null;
    this.choice = null;
    this.error = null;
  }

  private get proof(): { code: string; phoneTail: string } {
    return { code: this.code.trim(), phoneTail: this.tail.trim() };
  }

  private async run(send: () => Promise<ApiResult<BookingView>>, done: ManageBooking['done']): Promise<void> {
    if (this.busy) return;
    this.invalid = !/^\d{6}$/.test(this.proof.code) || !/^\d{4}$/.test(this.proof.phoneTail);
    if (this.invalid) return;
    this.busy = true;
    this.error = null;
    const answer = await send();
    this.busy = false;
    if (answer.ok) {
      this.booking = answer.data;
      this.done = done;
      this.choice = null;
    } else {
      this.error = answer.error;
      void this.choice?.refresh();
    }
  }

  lookup = (): Promise<void> => {
    this.booking = null;
    return this.run(() => api('post', '/appointments/lookup', { body: this.proof }), null);
  };

  cancel = (): Promise<void> => this.run(() => api('post', '/appointments/cancel', { body: this.proof }), 'cancelled');

  startChange = (service: BookableService): void => {
    this.choice = new SlotChoice(service);
    this.done = null;
  };

  change = (): Promise<void> => {
    const slot = this.choice?.slot;
    return slot ? this.run(() => api('post', '/appointments/change', { body: { ...this.proof, slotStart: slot.start } }), 'changed') : Promise.resolve();
  };
}
