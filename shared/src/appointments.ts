// Appointments (预约, issue 8): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { ServiceDay, TicketView } from './domain.js';
import type { AckFn } from './events.js';
import type { PrintResult } from './printing.js';
import type * as A from './appointments-schemas.js';

/**
 * booked → checkedIn (within the check-in window) | late (after it, took a normal ticket) |
 * noShow (the window closed and the slot ended) | cancelled. A no-show who turns up later that
 * day and takes the normal ticket becomes late.
 */
export const BOOKING_STATUSES = ['booked', 'checkedIn', 'late', 'noShow', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Who made the booking: the citizen on the phone page, or staff for a citizen. */
export type BookedBy = 'citizen' | 'staff';

/** Notices a booking gets: confirmed (again after a change), a reminder, called at a window, cancelled. */
export const NOTICE_KINDS = ['confirmed', 'reminder', 'called', 'cancelled'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A category's booking rules (appointments.json). Times in minutes. */
export interface BookingRules {
  /** Whether the category can be booked at all (the category must also allow appointments). */
  enabled: boolean;
  slotMinutes: number;
  /** Bookings per slot. */
  capacity: number;
  /** Bookable from today up to this many days ahead. */
  daysAhead: number;
  /** Booking (and changing to) a slot closes this long before it starts. */
  cutoffMinutes: number;
  /** Per phone number, within the category: bookings still to come, and bookings on one day. */
  perPerson: { maxActive: number; maxPerDay: number };
  /** Days without appointments besides the hall's holidays, 'YYYY-MM-DD'. */
  blackoutDays: ServiceDay[];
  /** Check-in is open from `earlyMinutes` before the slot to `lateMinutes` after its start. */
  checkIn: { earlyMinutes: number; lateMinutes: number };
}

/** What every booking has, in the hub's book and on the screens: its code, slot and check-in window. */
export interface BookingCore {
  /** 6 digits, unique in the book. */
  code: string;
  categoryId: string;
  day: ServiceDay;
  slotStart: number;
  slotEnd: number;
  checkInFrom: number;
  checkInUntil: number;
  by: BookedBy;
  bookedAt: number;
}

/** A booking as screens see it: name and phone masked. */
export interface BookingView extends BookingCore {
  /** 张*三 */
  name: string;
  /** 138****5678 */
  phone: string;
  status: BookingStatus;
  /** The check-in's ticket. */
  ticketNumber?: string;
}

export interface SlotView {
  start: number;
  end: number;
  capacity: number;
  booked: number;
  /** Bookable now: before the cut-off and not full. */
  open: boolean;
}

export interface BookableDay {
  day: ServiceDay;
  /** Places left in the day's open slots. */
  free: number;
  /** Served by appointment only that day (周末不打烊). */
  appointmentOnly: boolean;
}

/** A service (category) the phone page offers, with its days. */
export interface BookableService {
  id: string;
  prefix: string;
  name: string;
  nameEn: string;
  slotMinutes: number;
  checkIn: BookingRules['checkIn'];
  days: BookableDay[];
}

/** What the phone page loads first (GET /api/appointments/services). */
export interface BookingPage {
  hall: { name: string; nameEn: string; address: string; timeZone: string };
  today: ServiceDay;
  services: BookableService[];
}

export interface NoticeView {
  at: number;
  code: string;
  kind: NoticeKind;
  channel: string;
  /** Masked recipient. */
  to: string;
  text: string;
  ok: boolean;
  reason?: string;
}

export interface SlotBookings extends SlotView {
  bookings: BookingView[];
}

/** The console's view of one day: every bookable category's slots with their bookings. */
export interface AppointmentDay {
  day: ServiceDay;
  categories: { categoryId: string; slots: SlotBookings[] }[];
  totals: Record<BookingStatus, number>;
  /** Today's notices from the outbox, newest first. */
  notices: NoticeView[];
}

/** A successful check-in: the appointment's ticket, with appointment priority unless it came too late. */
export interface CheckedIn {
  ticket: TicketView;
  estimatedWaitMin: number;
  print?: PrintResult;
  appointment: {
    code: string;
    categoryId: string;
    /** Start of the booked slot. */
    slotStart: number;
    /** Arrived after the late limit: the ticket is a normal one (the citizen agreed to that). */
    late: boolean;
  };
}

export interface AppointmentCommands {
  /**
   * Check-in at a kiosk or a window by the 6-digit code (or the QR holding it). `acceptNormal`
   * answers the offer made to a late arrival: a normal ticket instead of an appointment one.
   */
  'appointment:checkIn': (p: { cmdId: string; code: string; acceptNormal?: boolean }, ack: AckFn<CheckedIn>) => void;
  /** Staff book for a citizen (the citizen's phone number is asked for, and stored masked). */
  'appointment:book': (p: A.StaffBookInput, ack: AckFn<BookingView>) => void;
  /** Staff cancel a booking by its code. */
  'appointment:cancel': (p: A.StaffCancelInput, ack: AckFn<BookingView>) => void;
  /** One day's appointments per category and slot, with the day's notices. */
  'appointment:day': (p: A.DayInput, ack: AckFn<AppointmentDay>) => void;
}

export interface AppointmentsChanged {
  at: number;
  /** Days whose appointments changed: fetch them again with appointment:day. */
  days: ServiceDay[];
}

export interface AppointmentBroadcasts {
  /** To consoles and window clients; not a hall broadcast (no seq). */
  'appointment:changed': (e: AppointmentsChanged) => void;
}

export const APPOINTMENT_ERRORS = {
  APPOINTMENT_UNKNOWN: ['没有找到该预约码，请核对后重试', 'No appointment with that code; please check it'],
  APPOINTMENT_NOT_TODAY: ['该预约不是今天的（{day}）', 'That appointment is not for today ({day})'],
  APPOINTMENT_CANCELLED: ['该预约已取消', 'That appointment was cancelled'],
  ALREADY_CHECKED_IN: ['该预约已签到，号码 {number}', 'Already checked in: ticket {number}'],
  CHECKIN_TOO_EARLY: ['签到时间未到，请于 {from} 后签到', 'Too early to check in; please check in after {from}'],
  CHECKIN_TOO_LATE: ['已超过预约签到时间（{until}），可改取普通号', 'Check-in closed at {until}; you may take a normal ticket instead'],
  APPOINTMENT_MISSED: ['该预约已过签到时间，未签到', 'That appointment was missed (no check-in in time)'],
  APPOINTMENT_STARTED: ['预约时段已开始，不能再改约', 'The booked slot has begun; it can no longer be changed'],
  SLOT_UNKNOWN: ['该时段不可预约', 'That time slot cannot be booked'],
  APPOINTMENT_SLOT_FULL: ['该时段已约满，请选择其他时段', 'That slot is fully booked; please pick another'],
  BOOKING_CLOSED: ['该时段已截止预约（需提前 {minutes} 分钟）', 'Booking for that slot has closed ({minutes} minutes before it)'],
  BOOKING_TOO_FAR: ['只能预约今天起 {days} 天内的时段', 'Slots can be booked up to {days} days ahead'],
  BOOKING_DAY_CLOSED: ['{day} 不办理预约', 'No appointments on {day}'],
  BOOKING_LIMIT: ['该手机号在本业务已有 {max} 个未办理的预约', 'That phone number already holds {max} open bookings for this service'],
  BOOKING_DAY_LIMIT: ['该手机号当天在本业务最多预约 {max} 次', 'That phone number can book this service at most {max} times a day'],
  APPOINTMENT_CODE_TAKEN: ['预约码生成冲突，请重试', 'Booking code clash; please try again'],
} as const satisfies Record<string, readonly [string, string]>;
