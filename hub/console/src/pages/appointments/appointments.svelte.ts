// The console's appointments page: one day's bookings per category and slot, fetched when the
// connection comes back live and again whenever the hub says that day's appointments changed.
// Staff book, cancel and check in through HallSync (retries with the same cmdId).
import type { AppointmentDay, AppointmentsChanged } from '@yichuang/shared/appointments';
import type { ServiceDay } from '@yichuang/shared/domain';
import type { AppError } from '@yichuang/shared/errors';
import type { ClientError, CommandInput } from '@yichuang/shared/commands';
import type { Hall } from '@yichuang/shared/ui/hall.svelte';
import { FieldErrors } from '../admin-common/field-errors.svelte';

export class AppointmentBoard {
  day = $state<ServiceDay>('');
  view = $state.raw<AppointmentDay | null>(null);
  error = $state.raw<AppError | ClientError | null>(null);
  busy = $state(false);
  /** The last refusal's problems, beside the booking desk's fields. */
  readonly fields = new FieldErrors(() => this.error);
  readonly #offs: (() => void)[] = [];

  constructor(private readonly hall: Hall) {
    this.day = hall.snapshot?.day ?? '';
    const sync = hall.sync;
    if (!sync) return;
    const socket = sync.domainSocket;
    const onChanged = (e: AppointmentsChanged): void => {
      if (e.days.includes(this.day)) void this.load();
    };
    socket.on('appointment:changed', onChanged);
    this.#offs.push(() => socket.off('appointment:changed', onChanged));
    let wasLive = false;
    const onChange = (): void => {
      const live = sync.status === 'live';
      if (live && !wasLive) void this.load();
      wasLive = live;
    };
    this.#offs.push(sync.onChange(onChange));
    onChange();
  }

  load = async (): Promise<void> => {
    const sync = this.hall.sync;
    if (!sync) return;
    const day = this.day;
    const answer = await sync.command('appointment:day', day ? { day } : {});
    if (!answer.ok) this.error = answer.error;
    else if (answer.data.day === this.day || !this.day) {
      this.view = answer.data;
      this.day = answer.data.day;
    }
  };

  showDay = (day: ServiceDay): void => {
    this.day = day;
    this.view = null;
    void this.load();
  };

  /** Runs a staff command; the answer's data, or null when refused (the error is shown). */
  async run<E extends 'appointment:book' | 'appointment:cancel' | 'appointment:checkIn'>(name: E, input: CommandInput<E>) {
    const sync = this.hall.sync;
    if (!sync || this.busy) return null;
    this.busy = true;
    this.error = null;
    const answer = await sync.command(name, input);
    this.busy = false;
    if (!answer.ok) {
      this.error = answer.error;
      return null;
    }
    void this.load();
    return answer.data;
  }

  destroy(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
