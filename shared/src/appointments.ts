// Appointments (预约, issue 8): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { ServiceDay, TicketView } from './domain.js';
import type { AckFn } from './errors.js';
import type { PrintResult } from './printing.js';
import type { z } from 'zod';
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
export type BookingRules = z.output<typeof A.bookingRules>;

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

