// Notices to citizens (booking confirmed, reminder, called to a window, cancelled). Which notices are
// due is read from the book (pure); each is handed to a pluggable sender (the hall's SMS gateway or
// WeChat later) and its outcome journaled, so a notice recorded once is never sent again — and one
// sent just before a crash, but not yet recorded, is sent again after it (at least once).
import type { NoticeKind } from '@yichuang/shared/appointments';
import type { HallConfig } from '@yichuang/shared/domain';
import { t } from '@yichuang/shared/console-i18n';
import { formatClock } from '@yichuang/shared/time';
import { promisedCheckIn } from '../engine/booking.js';
import { appointmentsOf } from '../engine/state.js';
import type { Booking, EngineState } from '../engine/types.js';
import type { HallService } from '../hall/hall-service.js';
import { HUB_ACTOR } from '../hall/hall-service.js';
import type { PhoneVault } from './phone-vault.js';

const MINUTE = 60_000;
/** A notice the sender keeps refusing is recorded as not sent after this many tries. */
const MAX_TRIES = 3;

export interface Notice {
  bookingId: string;
  code: string;
  kind: NoticeKind;
  /** In Chinese, ready to send. */
  text: string;
  /** `phone` only when the sealed number could be opened. */
  to: { masked: string; phone?: string };
}

export type SendResult = { ok: true } | { ok: false; reason: string };

export interface NoticeSender {
  /** Recorded with every notice, e.g. 'sms', 'wechat', 'demo'. */
  readonly channel: string;
  send(notice: Notice): Promise<SendResult>;
}

/** The demo hall has no gateway: its notices are only recorded (journal) and shown on the console. */
export const recordOnlySender: NoticeSender = {
  channel: 'demo',
  send: () => Promise.resolve({ ok: true }),
};

/** The notices due now, in the order they should go out. */
export function dueNotices(state: EngineState, now: number, reminderMinutesBefore: number): { booking: Booking; kind: NoticeKind }[] {
  const due: { booking: Booking; kind: NoticeKind }[] = [];
  for (const b of appointmentsOf(state).bookings.values()) {
    const sent = (kind: NoticeKind): boolean => b.notices.includes(kind);
    const remindAt = b.slotStart - reminderMinutesBefore * MINUTE;
    if (b.status === 'booked' && !sent('confirmed')) due.push({ booking: b, kind: 'confirmed' });
    // A reminder only for bookings made well before it, and only before the slot.
    else if (b.status === 'booked' && !sent('reminder') && b.bookedAt < remindAt && now >= remindAt && now < b.slotStart) {
      due.push({ booking: b, kind: 'reminder' });
    }
    // Nobody is told of a cancellation of a booking they were never told about.
    if (b.status === 'cancelled' && sent('confirmed') && !sent('cancelled')) due.push({ booking: b, kind: 'cancelled' });
    const ticket = b.ticketId === undefined ? undefined : state.tickets[b.ticketId];
    if (ticket && !sent('called') && ticket.periods.some((p) => p.state === 'called')) due.push({ booking: b, kind: 'called' });
  }
  return due;
}

export function noticeText(b: Booking, kind: NoticeKind, state: EngineState, config: HallConfig): string {
  const tz = config.hall.timeZone;
  const category = config.categories.find((c) => c.id === b.categoryId);
  const ticket = b.ticketId === undefined ? undefined : state.tickets[b.ticketId];
  const window = config.windows.find((w) => w.id === ticket?.windowId);
  const checkIn = promisedCheckIn(b, config);
  return t(`appt.notice.${kind}`, 'zh', {
    hall: config.hall.name,
    service: category?.name ?? b.categoryId,
    day: b.day,
    time: formatClock(b.slotStart, tz),
    code: b.code,
    from: formatClock(checkIn.from, tz),
    until: formatClock(checkIn.until, tz),
    number: ticket?.number ?? '',
    window: window?.number ?? '',
  });
}

export interface OutboxDeps {
  hall: Pick<HallService, 'current' | 'execute'>;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
  vault: PhoneVault;
  sender: NoticeSender;
  reminderMinutesBefore: number;
}

export class Outbox {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly tries = new Map<string, number>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Sends whatever is due; a call while sending runs once more afterwards. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.sendDue().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  /** Resolves once nothing is being sent. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async sendDue(): Promise<void> {
    const { hall, config, clock, vault, sender, log } = this.deps;
    for (const { booking: b, kind } of dueNotices(hall.current, clock(), this.deps.reminderMinutesBefore)) {
      const phone = b.contact === undefined ? undefined : vault.unseal(b.contact);
      const notice: Notice = { bookingId: b.id, code: b.code, kind, text: noticeText(b, kind, hall.current, config()), to: { masked: b.phone.masked, ...(phone && { phone }) } };
      let sent: SendResult;
      try {
        sent = await sender.send(notice);
      } catch (err) {
        sent = { ok: false, reason: (err as Error).message };
      }
      const key = `${b.id}/${kind}`;
      const tries = (this.tries.get(key) ?? 0) + 1;
      if (!sent.ok && tries < MAX_TRIES) {
        this.tries.set(key, tries);
        continue;
      }
      this.tries.delete(key);
      const { bookingId, text, to } = notice;
      const recorded = await hall.execute(
        { type: 'recordNotice', bookingId, kind, channel: sender.channel, to: to.masked, text, ok: sent.ok, ...(!sent.ok && { reason: sent.reason }) },
        HUB_ACTOR,
      );
      if (!recorded.ok) log(`notice ${kind} for ${b.code} not recorded: ${recorded.error.messageEn}`);
    }
  }
}
