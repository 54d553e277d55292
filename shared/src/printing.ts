// Ticket printers and print agents (issue 10): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.

/** What became of a new ticket's slip; the kiosk shows an e-ticket unless it was printed. */
export interface PrintResult {
  status: 'printed' | 'unprinted';
  /** Why it was not printed, in Chinese and English. */
  reason?: { message: string; messageEn: string };
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the domain's issue */
export interface PrintingCommands {}
export interface PrintingBroadcasts {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export const PRINTING_ERRORS = {} as const satisfies Record<string, readonly [string, string]>;
