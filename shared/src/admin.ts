// Console administration (issue 7): configuration, accounts, device pairing, audit — types, commands,
// broadcasts and error messages of this domain. Its commands and broadcasts join the one event map.

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the domain's issue */
export interface AdminCommands {}
export interface AdminBroadcasts {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export const ADMIN_ERRORS = {} as const satisfies Record<string, readonly [string, string]>;
