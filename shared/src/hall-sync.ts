// The client side of the hall sync protocol (DESIGN.md §4), shared by every screen.
// Framework-free: screens wrap it in their own reactive state; the hub's tests may drive it too.
//
// - On every (re)connect it asks for a snapshot and replaces its state with it.
// - Every hall broadcast carries `seq`; the next is always seq + 1. In-order broadcasts are applied
//   to the local copy; a gap (or day:started) triggers a fresh snapshot. Broadcasts that arrive while
//   a snapshot is on its way are held and replayed on top of it.
// - Commands carry a client-made `cmdId`; a command that got no answer is re-sent with the same
//   cmdId after a reconnect, and a later identical command after an unanswered one reuses it too,
//   so the hub can answer a retry instead of repeating it.
import type { Socket } from 'socket.io-client';
import type { CallView, HallSnapshot, TicketState, TicketView, WindowView } from './domain.js';
import type { Ack, AppError } from './errors.js';
import type {
  AckFn,
  ClientToServerEvents,
  DeviceWelcome,
  HallBroadcast,
  ServerToClientEvents,
  TicketCalled,
  TicketChanged,
  WindowChanged,
} from './events.js';
import { HALL_BROADCASTS } from './events.js';
import { STRINGS } from './i18n.js';

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Ticket states that stay in HallSnapshot.tickets; any other state removes the ticket. */
export const OPEN_TICKET_STATES: readonly TicketState[] = ['waiting', 'called', 'serving', 'on-hold'];
export const RECENT_CALLS_CAP = 20;

/** Errors made on this side of the wire: no answer from the hub in time. */
export interface ClientError {
  code: 'TIMEOUT' | 'DENIED';
  message: string;
  messageEn: string;
}

export type CommandResult<T> = Ack<T> | { ok: false; error: ClientError };

type C2S = ClientToServerEvents;
export type PayloadOf<E extends keyof C2S> = Parameters<C2S[E]>[0];
export type AckDataOf<E extends keyof C2S> = Parameters<C2S[E]>[1] extends AckFn<infer T> ? T : never;
/** Commands that carry a cmdId (everything but lookups and snapshots). */
export type CommandName = { [E in keyof C2S]: PayloadOf<E> extends { cmdId: string } ? E : never }[keyof C2S];
/** A command's payload without its cmdId: HallSync adds that. */
export type CommandInput<E extends CommandName> = Omit<PayloadOf<E>, 'cmdId'>;

export type SyncStatus =
  /** Not connected yet, or lost: no live data. */
  | 'connecting'
  /** Connected, waiting for the snapshot. */
  | 'syncing'
  /** Snapshot applied; broadcasts are being applied as they come. */
  | 'live'
  /** The hub refused this device (unknown or unpaired token). */
  | 'denied';

export interface HallSyncOptions {
  /** A command unanswered for this long resolves with a TIMEOUT error. */
  commandTimeoutMs?: number;
  /** A snapshot request unanswered for this long is asked again. */
  snapshotTimeoutMs?: number;
  /** After the hub refused the device, try again after this long (it may have been paired since). */
  rejoinDelayMs?: number;
  /** How long an unanswered command's cmdId is kept for an identical retry. */
  retryWindowMs?: number;
  newId?: () => string;
  now?: () => number;
}

export type BroadcastListener = <E extends HallBroadcast>(name: E, event: Parameters<ServerToClientEvents[E]>[0]) => void;


type AnyBroadcast = { seq: number; at: number };
interface Held {
  name: HallBroadcast;
  event: AnyBroadcast;
}

interface Pending {
  event: CommandName;
  payload: { cmdId: string };
  key: string;
  settle: (result: CommandResult<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Connection number the payload was last sent on. */
  sentOn: number;
}

type LooseEmit = (event: string, payload: unknown, ack: (answer: unknown) => void) => void;
type LooseOn = (event: string, listener: (...args: never[]) => void) => void;

const TIMEOUT_ERROR: ClientError = {
  code: 'TIMEOUT',
  message: STRINGS['error.timeout'][0],
  messageEn: STRINGS['error.timeout'][1],
};

/** A command id that works on plain-http LAN pages too (randomUUID needs a secure context). */
export function newCmdId(): string {
  const c = globalThis.crypto;
  // randomUUID exists only in secure contexts (https, localhost); hall LAN pages are often plain http.
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The device token of a screen: `?token=` in the page's address the first time (then kept in
 * localStorage and taken out of the address bar), so a kiosk rebooted to the bare URL still knows it.
 */
export function readDeviceToken(storageKey: string): string | undefined {
  if (typeof location === 'undefined') return undefined;
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token')?.trim();
  let store: Storage | undefined;
  try {
    store = globalThis.localStorage;
  } catch {
    store = undefined; // storage disabled: the token lives in the address only
  }
  if (fromUrl) {
    try {
      store?.setItem(storageKey, fromUrl);
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    } catch {
      // keep the token in the address if it cannot be stored
    }
    return fromUrl;
  }
  try {
    return store?.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

function isOpen(ticket: TicketView): boolean {
  return OPEN_TICKET_STATES.includes(ticket.state);
}

function replaceWindow(windows: WindowView[], window: WindowView): WindowView[] {
  let found = false;
  const next = windows.map((w) => {
    if (w.id !== window.id) return w;
    found = true;
    return window;
  });
  return found ? next : [...windows, window];
}

/** Applies one in-order hall broadcast to a snapshot; returns a new snapshot (the old one is untouched). */
export function applyBroadcast(s: HallSnapshot, name: HallBroadcast, e: AnyBroadcast): HallSnapshot {
  const next: HallSnapshot = { ...s, seq: e.seq };
  if (name === 'window:changed') {
    next.windows = replaceWindow(s.windows, (e as WindowChanged).window);
    return next;
  }
  if (name === 'day:started') return next; // the caller resyncs
  const te = e as TicketChanged;
  const others = s.tickets.filter((t) => t.id !== te.ticket.id);
  if (isOpen(te.ticket)) {
    const i = s.tickets.findIndex((t) => t.id === te.ticket.id);
    if (i >= 0) {
      next.tickets = s.tickets.slice();
      next.tickets[i] = te.ticket;
    } else next.tickets = [...others, te.ticket];
  } else next.tickets = others;
  next.queues = te.queues;
  if (te.window) next.windows = replaceWindow(s.windows, te.window);
  if (name === 'ticket:called' || name === 'ticket:recalled') {
    const call: CallView = (e as TicketCalled).call;
    next.recentCalls = [call, ...s.recentCalls].slice(0, RECENT_CALLS_CAP);
  }
  return next;
}

export class HallSync {
  /** The hall as this client knows it; null until the first snapshot. */
  snapshot: HallSnapshot | null = null;
  welcome: DeviceWelcome | null = null;
  status: SyncStatus = 'connecting';
  /** Why the hub refused the device or the last snapshot, if it did. */
  error: AppError | ClientError | null = null;

  private readonly socket: HallSocket;
  private readonly opts: Required<Omit<HallSyncOptions, 'now'>> & { now: () => number };
  private readonly listeners = new Set<(sync: HallSync) => void>();
  private readonly broadcastListeners = new Set<BroadcastListener>();
  private readonly pending = new Set<Pending>();
  /** cmdIds of commands that got no answer, by command key, for an identical retry. */
  private readonly unanswered = new Map<string, { cmdId: string; at: number }>();
  private held: Held[] = [];
  private snapshotToken = 0;
  private snapshotInFlight = false;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  private connection = 0;
  private readonly offs: (() => void)[] = [];
  private destroyed = false;

  constructor(socket: HallSocket, options: HallSyncOptions = {}) {
    this.socket = socket;
    this.opts = {
      commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
      snapshotTimeoutMs: options.snapshotTimeoutMs ?? 8_000,
      rejoinDelayMs: options.rejoinDelayMs ?? 10_000,
      retryWindowMs: options.retryWindowMs ?? 120_000,
      newId: options.newId ?? newCmdId,
      now: options.now ?? (() => Date.now()),
    };
    this.listen('connect', () => this.onConnect());
    this.listen('disconnect', (reason: string) => this.onDisconnect(reason));
    this.listen('connect_error', (err: Error & { data?: unknown }) => this.onConnectError(err));
    this.listen('device:welcome', (d: DeviceWelcome) => {
      this.welcome = d;
      this.notify();
    });
    for (const name of HALL_BROADCASTS) this.listen(name, (e: AnyBroadcast) => this.receive(name, e));
    if (socket.connected) this.onConnect();
  }

  /** Called after every change of snapshot, status, welcome or error. Returns an unsubscribe. */
  onChange(cb: (sync: HallSync) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Called for every broadcast applied in order (not for those replaced by a snapshot). */
  onBroadcast(cb: BroadcastListener): () => void {
    this.broadcastListeners.add(cb);
    return () => this.broadcastListeners.delete(cb);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** The socket itself, for a domain's own queries and room broadcasts (not the hall's seq'd ones). */
  get domainSocket(): HallSocket {
    return this.socket;
  }

  /**
   * Sends a command with a fresh cmdId — or, when an identical command got no answer a moment ago,
   * with that one's cmdId, so the hub answers the retry instead of doing it twice. Resolves with
   * the hub's ack, or with a TIMEOUT error when no answer came in time (the outcome is unknown).
   */
  command<E extends CommandName>(event: E, input: CommandInput<E>): Promise<CommandResult<AckDataOf<E>>> {
    const key = `${event} ${JSON.stringify(input)}`;
    const now = this.opts.now();
    for (const [k, v] of this.unanswered) if (now - v.at > this.opts.retryWindowMs) this.unanswered.delete(k);
    const cmdId = this.unanswered.get(key)?.cmdId ?? this.opts.newId();
    const payload = { ...input, cmdId };
    return new Promise((resolve) => {
      const p: Pending = {
        event,
        payload,
        key,
        sentOn: -1,
        settle: (result) => {
          if (!this.pending.delete(p)) return; // answered already (a re-send may be answered twice)
          clearTimeout(p.timer);
          if (!result.ok && result.error.code === 'TIMEOUT') this.unanswered.set(key, { cmdId, at: this.opts.now() });
          else this.unanswered.delete(key);
          resolve(result as CommandResult<AckDataOf<E>>);
        },
        timer: setTimeout(() => p.settle({ ok: false, error: TIMEOUT_ERROR }), this.opts.commandTimeoutMs),
      };
      this.pending.add(p);
      if (this.socket.connected) this.send(p);
    });
  }

  /** Forget unanswered commands, e.g. when a kiosk returns to its home screen for the next citizen. */
  forgetRetries(): void {
    this.unanswered.clear();
  }

  /** Asks for a fresh snapshot now (also done on connect, on a gap and on day:started). */
  resync(): void {
    if (this.destroyed || !this.socket.connected || this.snapshotInFlight) return;
    this.snapshotInFlight = true;
    const token = ++this.snapshotToken;
    if (this.status === 'live') this.setStatus('syncing');
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      if (token !== this.snapshotToken) return;
      this.snapshotInFlight = false;
      this.snapshotToken++;
      this.resync();
    }, this.opts.snapshotTimeoutMs);
    this.emit('sync:snapshot', {}, (ack) => {
      if (token !== this.snapshotToken) return; // stale: reconnected or timed out since
      clearTimeout(this.snapshotTimer);
      this.snapshotInFlight = false;
      const answer = ack as Ack<HallSnapshot>;
      if (!answer.ok) {
        this.error = answer.error;
        this.notify();
        this.snapshotTimer = setTimeout(() => this.resync(), this.opts.rejoinDelayMs);
        return;
      }
      this.error = null;
      this.adopt(answer.data);
    });
  }

  destroy(): void {
    this.destroyed = true;
    for (const off of this.offs) off();
    clearTimeout(this.snapshotTimer);
    clearTimeout(this.rejoinTimer);
    for (const p of [...this.pending]) p.settle({ ok: false, error: TIMEOUT_ERROR });
    this.listeners.clear();
    this.broadcastListeners.clear();
  }

  // ---- internals ----

  private listen(event: string, fn: (...args: never[]) => void): void {
    (this.socket.on as unknown as LooseOn).call(this.socket, event, fn);
    this.offs.push(() => (this.socket.off as unknown as LooseOn).call(this.socket, event, fn));
  }

  private emit(event: string, payload: unknown, ack: (answer: unknown) => void): void {
    (this.socket.emit as unknown as LooseEmit).call(this.socket, event, payload, ack);
  }

  private send(p: Pending): void {
    p.sentOn = this.connection;
    this.emit(p.event, p.payload, (answer) => p.settle(answer as CommandResult<unknown>));
  }

  private onConnect(): void {
    if (this.destroyed) return;
    this.connection++;
    clearTimeout(this.rejoinTimer);
    this.error = null;
    // Whatever was asked before is void on this connection.
    this.snapshotToken++;
    this.snapshotInFlight = false;
    this.held = [];
    this.setStatus('syncing');
    this.resync();
    // Commands not answered on an earlier connection go again, with the same cmdId.
    for (const p of this.pending) if (p.sentOn !== this.connection) this.send(p);
  }

  private onDisconnect(reason: string): void {
    if (this.destroyed) return;
    this.snapshotToken++;
    this.snapshotInFlight = false;
    clearTimeout(this.snapshotTimer);
    this.setStatus('connecting');
    // The hub closed this socket itself; socket.io will not come back on its own.
    if (reason === 'io server disconnect') this.scheduleRejoin();
  }

  private onConnectError(err: Error & { data?: unknown }): void {
    if (this.destroyed) return;
    if (this.socket.active) return; // a network error: socket.io keeps trying by itself
    // Refused by the hub's handshake middleware: say why, and ask again later.
    const data = err.data as Partial<AppError> | undefined;
    this.error =
      data && typeof data.message === 'string' && typeof data.messageEn === 'string' && typeof data.code === 'string'
        ? (data as AppError)
        : { code: 'DENIED', message: STRINGS['conn.denied'][0], messageEn: STRINGS['conn.denied'][1] };
    this.setStatus('denied');
    this.scheduleRejoin();
  }

  private scheduleRejoin(): void {
    clearTimeout(this.rejoinTimer);
    this.rejoinTimer = setTimeout(() => {
      if (!this.destroyed && !this.socket.connected) this.socket.connect();
    }, this.opts.rejoinDelayMs);
  }

  private receive(name: HallBroadcast, e: AnyBroadcast): void {
    if (this.destroyed || typeof e?.seq !== 'number') return;
    const s = this.snapshot;
    if (!s || this.snapshotInFlight || this.status !== 'live') {
      this.held.push({ name, event: e });
      if (!this.snapshotInFlight) this.resync();
      return;
    }
    if (e.seq <= s.seq) return; // already in the snapshot
    if (e.seq !== s.seq + 1 || name === 'day:started') {
      this.held.push({ name, event: e });
      this.resync();
      return;
    }
    this.snapshot = applyBroadcast(s, name, e);
    this.notify();
    this.emitBroadcast(name, e);
  }

  private adopt(snapshot: HallSnapshot): void {
    let s = snapshot;
    const held = this.held.sort((a, b) => a.event.seq - b.event.seq);
    this.held = [];
    const applied: Held[] = [];
    let gap = false;
    for (const h of held) {
      if (h.event.seq <= s.seq) continue;
      if (h.event.seq !== s.seq + 1 || h.name === 'day:started') {
        gap = true;
        this.held = held.filter((x) => x.event.seq >= h.event.seq);
        break;
      }
      s = applyBroadcast(s, h.name, h.event);
      applied.push(h);
    }
    this.snapshot = s;
    this.status = 'live';
    this.notify();
    for (const h of applied) this.emitBroadcast(h.name, h.event);
    if (gap) this.resync();
  }

  private emitBroadcast(name: HallBroadcast, e: AnyBroadcast): void {
    for (const cb of this.broadcastListeners) (cb as (n: string, e: unknown) => void)(name, e);
  }

  private setStatus(status: SyncStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.notify();
  }

  private notify(): void {
    for (const cb of this.listeners) cb(this);
  }
}
