// Managers' live board, alerts and tidal windows (issue 5): types, commands, broadcasts and error messages of this domain.
// Its commands and broadcasts join the one event map in events.ts; its messages join errors.ts.

export type AlertKind = 'long-wait' | 'paused-too-long' | 'bad-rating' | 'help-request' | 'printer' | 'device-offline';

/** An alert raised by any domain (on the hub's bus as 'alert:raise'); the live board shows and tracks it. */
export interface AlertInput {
  kind: AlertKind;
  /** Alerts with the same key are one alert (raised again, it is refreshed, not duplicated). */
  key: string;
  message: string;
  messageEn: string;
  windowId?: string;
  deviceId?: string;
  ticketNumber?: string;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the domain's issue */
export interface LiveCommands {}
export interface LiveBroadcasts {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export const LIVE_ERRORS = {} as const satisfies Record<string, readonly [string, string]>;
