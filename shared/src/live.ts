// Managers' live board, alerts and tidal windows (issue 5): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the domain's issue */
export interface LiveCommands {}
export interface LiveBroadcasts {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export const LIVE_ERRORS = {} as const satisfies Record<string, readonly [string, string]>;
