// Appointments: the phone booking page, check-in, the console's day view.
export const APPOINTMENTS_STRINGS = {
} as const satisfies Record<string, readonly [string, string]>;
