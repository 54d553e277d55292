// Error messages of appointments (预约, issue 8).
// A leaf: errors.ts joins every domain's table into the one list of error codes.

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
