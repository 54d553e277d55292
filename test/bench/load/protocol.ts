// What the bench (run.ts) and its load processes tell each other over IPC.
import type { GatheredBroadcast, QueuesChanged } from '@yichuang/shared/events';
import type { Summary } from '../summary.js';
import type { DeviceSocketPlan } from './devices.js';

export interface LoadJob {
  role: 'screens' | 'kiosks';
  hubUrl: string;
  bareUrl: string;
  hubPid: number;
  devices: DeviceSocketPlan[];
  settings: LoadSettings;
}

export interface LoadSettings {
  calls: number;
  warmUpCalls: number;
  steady: { rate: number; seconds: number };
  bursts: number;
  ramp: { rates: number[]; seconds: number; p99LimitMs: number };
}


/** A load process runs until the bench stops it (SIGTERM) or goes away (IPC disconnect). */
export type ToLoad = { type: 'job'; job: LoadJob } | { type: 'run'; phase: Phase; servingAt?: number };

export type FromLoad =
  | { type: 'ready'; sockets: number }
  | { type: 'result'; phase: Phase; result: PhaseResults[Phase] }
  | { type: 'failed'; message: string };

export interface FanoutSide {
  /** Every delivery: call sent → one receiver got it. */
  delivery: Summary;
  /** Per call: sent → the last receiver got it. */
  last: Summary;
  missed: number;
}

export interface FanoutResult {
  receivers: number;
  /** JSON size of the 'ticket:called' payload, sent as-is through the bare server. */
  payloadBytes: number;
  hub: FanoutSide;
  bare: FanoutSide;
  /** Calls made, warm-up included: a hub call is callNext then noShow, a bare call the same two broadcasts (BareCall). */
  calls: { hub: number; bare: number };
  refused: number;
}

export interface IssueResult {
  ack: Summary;
  errors: number;
  unanswered: number;
}

export interface RampStep extends IssueResult {
  rate: number;
  /** Tickets acknowledged per second over the step. */
  achieved: number;
  /** Hub CPU over the step, in cores (1 = one core busy). */
  hubCpu: number;
}

export interface BurstResult extends IssueResult {
  size: number;
  bursts: number;
}

export interface RampResult {
  steps: RampStep[];
  /** Highest rate with p99 within the limit and every ticket acknowledged. */
  sustained: number;
}

export interface PrepareResult {
  windows: number;
  tickets: number;
}

export interface RecoveryResult {
  /** Per screen: the restarted hub serving (health answers) → the screen's snapshot in hand. */
  right: Summary;
  missed: number;
  /** One snapshot of the whole hall (a window's, tickets included) on the restarted hub, median of 5. */
  snapshotMs: number;
}

/** What the hub broadcast for an issued ticket, as screens got it: the bare server sends the same (bare-server.ts). */
export interface BareChanges {
  /** The 'ticket:issued' a window client got (gathered: hub/src/realtime/publisher.ts). */
  ticket: GatheredBroadcast;
  /** 'queues:changed' as a board got it. */
  queues: QueuesChanged;
}

/** The bare server's rooms, standing for the hub's streams: staff (window clients, consoles), public (boards, kiosks), a window's display and pad. */
export const BARE_ROOMS = { staff: 'staff', public: 'public', window: (windowId: string) => `window:${windowId}` };

/** A payload per stream, as a window client, a board and the window's display got it. */
export type PerStream = Record<'staff' | 'public' | 'window', unknown>;

/** What the hub broadcast for a call at a window: its 'ticket:called', then the 'ticket:noShow' that freed the window again. */
export interface BareCall {
  called: PerStream;
  noShow: PerStream;
}

export interface PhaseResults {
  /** Windows signed in and cleared, and tickets waiting for the fan-out's calls. */
  prepare: PrepareResult;
  fanout: FanoutResult;
  steady: IssueResult;
  /** Screens: the broadcasts of one issued ticket, taken while the kiosks issue (steady). */
  capture: BareChanges;
  /** Kiosks: the steady rate sent to the bare server instead, which broadcasts the captured changes. */
  bareSteady: IssueResult;
  burst: BurstResult;
  ramp: RampResult;
  /** Before the hub is killed: each screen will ask for a snapshot as soon as it is back. */
  rearm: { sockets: number };
  /** After the restarted hub serves: how long each screen took to be right again. */
  recovered: RecoveryResult;
}

export type Phase = keyof PhaseResults;
