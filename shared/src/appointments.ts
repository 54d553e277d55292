// Appointments (预约, issue 8): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.
import type { TicketView } from './domain.js';
import type { AckFn } from './events.js';
import type { PrintResult } from './printing.js';

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
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domain's issue
export interface AppointmentBroadcasts {}

export const APPOINTMENT_ERRORS = {
  APPOINTMENT_UNKNOWN: ['没有找到该预约码，请核对后重试', 'No appointment with that code; please check it'],
  APPOINTMENT_NOT_TODAY: ['该预约不是今天的（{day}）', 'That appointment is not for today ({day})'],
  APPOINTMENT_CANCELLED: ['该预约已取消', 'That appointment was cancelled'],
  ALREADY_CHECKED_IN: ['该预约已签到，号码 {number}', 'Already checked in: ticket {number}'],
  CHECKIN_TOO_EARLY: ['签到时间未到，请于 {from} 后签到', 'Too early to check in; please check in after {from}'],
  CHECKIN_TOO_LATE: ['已超过预约签到时间（{until}），可改取普通号', 'Check-in closed at {until}; you may take a normal ticket instead'],
} as const satisfies Record<string, readonly [string, string]>;
