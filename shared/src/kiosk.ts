// Kiosks, the guide terminal and the ticket's phone page (issue 3): types, commands, broadcasts and
// error messages of this domain. Its commands and broadcasts join the one event map in events.ts.

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the domain's issue */
export interface KioskCommands {}
export interface KioskBroadcasts {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export const KIOSK_ERRORS = {} as const satisfies Record<string, readonly [string, string]>;
