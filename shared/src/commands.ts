// Commands as a client sends them, typed by the one event map: their payloads, the data of their
// answers, and the errors made on the client's side of the wire.
import type { Ack, AckFn } from './errors.js';
import type { ClientToServerEvents } from './events.js';

type C2S = ClientToServerEvents;
export type PayloadOf<E extends keyof C2S> = Parameters<C2S[E]>[0];
export type AckDataOf<E extends keyof C2S> = Parameters<C2S[E]>[1] extends AckFn<infer T> ? T : never;
/** Commands that carry a cmdId (everything but lookups and snapshots). */
export type CommandName = { [E in keyof C2S]: PayloadOf<E> extends { cmdId: string } ? E : never }[keyof C2S];
/** A command's payload without its cmdId: HallSync adds that. */
export type CommandInput<E extends CommandName> = Omit<PayloadOf<E>, 'cmdId'>;

/** Errors made on this side of the wire: no answer from the hub in time, or the hub refused the device. */
export interface ClientError {
  code: 'TIMEOUT' | 'DENIED';
  message: string;
  messageEn: string;
}

export type CommandResult<T> = Ack<T> | { ok: false; error: ClientError };
