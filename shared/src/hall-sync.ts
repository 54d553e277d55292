// The client side of the hall sync protocol (docs/design.md §4), shared by every screen.
// Framework-free: screens wrap it in their own reactive state; the hub's tests may drive it too.
//
// - On every (re)connect it asks for a snapshot and replaces its state with it.
// - Every hall broadcast carries `seq`; the next is always seq + 1 (gathered ones come several in one
//   message, each with its own seq). In-order broadcasts are applied
//   to the local copy; a gap (or day:started) triggers a fresh snapshot. Broadcasts that arrive while
//   a snapshot is on its way are held and replayed on top of it.
// - Commands carry a client-made `cmdId`; a command that got no answer is re-sent with the same
//   cmdId after a reconnect, and a later identical command after an unanswered one reuses it too,
//   so the hub can answer a retry instead of repeating it.
import type { Socket } from 'socket.io-client';
import { applyBroadcast, type HallEvent } from './apply-broadcast.js';
import { newCmdId } from './command-id.js';
import type { AckDataOf, ClientError, CommandInput, CommandName, CommandResult } from './commands.js';
import type { HallSnapshot } from './domain.js';
import type { AppError } from './errors.js';
import type { ClientToServerEvents, DeviceWelcome, GatheredBroadcasts, HallBroadcast, ServerToClientEvents } from './events.js';
import { HALL_BROADCASTS } from './events.js';
import { STRINGS } from './i18n.js';

export type HallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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

interface Held {
  name: HallBroadcast;
  event: HallEvent;
}

interface Pending {
  key: string;
  /** Emits the command (again, on a new connection), with the same cmdId. */
  send: () => void;
  /** Takes the hub's answer (it is the ack); called here only to give up on it (TIMEOUT). */
  settle: (failure: { ok: false; error: ClientError }) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Connection number the payload was last sent on. */
  sentOn: number;
}

const TIMEOUT_ERROR: ClientError = {
  code: 'TIMEOUT',
  message: STRINGS['error.timeout'][0],
  messageEn: STRINGS['error.timeout'][1],
};

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
  /**
   * A resync asked for while a snapshot was on its way: that answer may predate what prompted it (a
   * configuration changed just after the request), so another snapshot follows it.
   */
  private resyncAgain = false;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  private connection = 0;
  private readonly unlisten: () => void;
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
    const onConnect = (): void => this.onConnect();
    const onDisconnect = (reason: string): void => this.onDisconnect(reason);
    const onConnectError = (err: Error): void => this.onConnectError(err);
    const onWelcome = (d: DeviceWelcome): void => {
      this.welcome = d;
      this.notify();
    };
    const onHall = HALL_BROADCASTS.map((name) => ({ name, fn: (e: HallEvent) => this.receive(name, e) }));
    // Each as if it had come alone, in order.
    const onGathered = (g: GatheredBroadcasts): void => {
      for (const b of Array.isArray(g?.broadcasts) ? g.broadcasts : []) this.receive(b.name, b.event);
    };
    socket.on('connect', onConnect).on('disconnect', onDisconnect).on('connect_error', onConnectError).on('device:welcome', onWelcome).on('hall:gathered', onGathered);
    for (const { name, fn } of onHall) socket.on(name, fn);
    this.unlisten = () => {
      socket.off('connect', onConnect).off('disconnect', onDisconnect).off('connect_error', onConnectError).off('device:welcome', onWelcome).off('hall:gathered', onGathered);
      for (const { name, fn } of onHall) socket.off(name, fn);
    };
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
    return new Promise((resolve) => {
      const p: Pending = {
        key,
        // The event map types E's payload and answer, but TypeScript cannot see that E's input plus
        // a cmdId is E's payload: the one assertion, on arguments built from E's own types.
        send: () => void this.socket.emit(event, ...([{ ...input, cmdId }, p.settle] as unknown as Parameters<ClientToServerEvents[E]>)),
        sentOn: -1,
        settle: (result: CommandResult<AckDataOf<E>>) => {
          if (!this.pending.delete(p)) return; // answered already (a re-send may be answered twice)
          clearTimeout(p.timer);
          if (!result.ok && result.error.code === 'TIMEOUT') this.unanswered.set(key, { cmdId, at: this.opts.now() });
          else this.unanswered.delete(key);
          resolve(result);
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
    if (this.destroyed || !this.socket.connected) return;
    if (this.snapshotInFlight) {
      this.resyncAgain = true;
      return;
    }
    this.resyncAgain = false;
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
    this.socket.emit('sync:snapshot', {}, (answer) => {
      if (token !== this.snapshotToken) return; // stale: reconnected or timed out since
      clearTimeout(this.snapshotTimer);
      this.snapshotInFlight = false;
      if (!answer.ok) {
        this.error = answer.error;
        this.notify();
        this.snapshotTimer = setTimeout(() => this.resync(), this.opts.rejoinDelayMs);
        return;
      }
      this.error = null;
      this.adopt(answer.data);
      if (this.resyncAgain) this.resync();
    });
  }

  destroy(): void {
    this.destroyed = true;
    this.unlisten();
    clearTimeout(this.snapshotTimer);
    clearTimeout(this.rejoinTimer);
    for (const p of [...this.pending]) p.settle({ ok: false, error: TIMEOUT_ERROR });
    this.listeners.clear();
    this.broadcastListeners.clear();
  }

  // ---- internals ----

  private send(p: Pending): void {
    p.sentOn = this.connection;
    p.send();
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

  private onConnectError(err: Error): void {
    if (this.destroyed) return;
    if (this.socket.active) return; // a network error: socket.io keeps trying by itself
    // Refused by the hub's handshake middleware: say why, and ask again later.
    const data = 'data' in err ? (err.data as Partial<AppError> | undefined) : undefined;
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

  private receive(name: HallBroadcast, e: HallEvent): void {
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
    this.snapshot = applyBroadcast(s, e);
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
      s = applyBroadcast(s, h.event);
      applied.push(h);
    }
    this.snapshot = s;
    this.status = 'live';
    this.notify();
    for (const h of applied) this.emitBroadcast(h.name, h.event);
    if (gap) this.resync();
  }

  private emitBroadcast(name: HallBroadcast, e: HallEvent): void {
    for (const cb of this.broadcastListeners) cb(name, e);
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
