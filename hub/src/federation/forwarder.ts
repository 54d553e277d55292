// Forwards the hall's journal to the district's PostgreSQL, in order and exactly once: it resumes
// after the highest seq the district holds, and the district keeps a record sent twice once (see
// DistrictLink.send). It is never on the command path: the hall hands it records after they are
// durable and acknowledged, and whatever the link does (down, slow, refusing) only delays forwarding.
// When the link fails it tries again by itself, waiting longer each time up to a limit.
import type { Bilingual } from '@yichuang/shared/errors';
import type { FederateOptions } from '../config.js';
import type { JournalRecord } from '../storage/journal.js';
import { DistrictLink, FederationConflict, type HallIdentity } from './district-link.js';
import type { JournalTail } from './journal-tail.js';
import type { PresenceTail } from './presence-tail.js';

/** Records per insert (7 parameters each, well under PostgreSQL’s 65,535 a statement). */
const BATCH = 1000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
const TIMEOUT_MS = 10_000;
/** A conflict needs a person: tried again only this often, in case one has resolved it. */
const CONFLICT_RETRY_MS = 60_000;
/** How often an idle link tells the district it is alive (the district calls a hall unlinked after 30 s). */
const HEARTBEAT_MS = 5_000;

type PresenceCursor = { day: string | undefined; line: number };

export type LinkState = 'connecting' | 'linked' | 'down' | 'conflict' | 'stopped';

export interface ForwarderStatus {
  state: LinkState;
  /** The highest seq the district is known to hold. */
  forwardedSeq: number;
  /** Why it is down or refused. */
  problem?: Bilingual;
}

export interface ForwarderDeps extends FederateOptions {
  hall: () => HallIdentity;
  /** The configuration as published to the district (publishedConfig). */
  config: () => string;
  tail: JournalTail;
  /** Kiosk presence, sent while the journal is caught up, at each heartbeat. */
  presence?: PresenceTail;
  /** Runs on the link at each connection and heartbeat (taking what the district publishes); never throws. */
  whileLinked?: (link: DistrictLink) => Promise<void>;
  log: (line: string) => void;
}

export class Forwarder {
  readonly #deps: ForwarderDeps;
  #status: ForwarderStatus = { state: 'connecting', forwardedSeq: 0 };
  #link: DistrictLink | undefined;
  /** Ends the current wait; `forRecords`: only a wait that new records should end (an idle link's). */
  #wake: { done: () => void; forRecords: boolean } | undefined;
  #stopped = false;
  #running: Promise<void> | undefined;

  constructor(deps: ForwarderDeps) {
    this.#deps = deps;
  }

  get status(): ForwarderStatus {
    return this.#status;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  /** The hall's listener: takes a durable batch and returns at once. */
  onRecords = (records: readonly JournalRecord[]): void => {
    this.#deps.tail.push(records);
    if (this.#wake?.forRecords) this.#wake.done();
  };

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#link?.close();
    this.#wake?.done();
    await this.#running;
    this.#set({ state: 'stopped', forwardedSeq: this.#status.forwardedSeq });
  }

  async #run(): Promise<void> {
    let retryMs = RETRY_MIN_MS;
    while (!this.#stopped) {
      try {
        await this.#session(() => (retryMs = RETRY_MIN_MS));
      } catch (err) {
        if (this.#stopped) break;
        if (err instanceof FederationConflict) {
          this.#set({ state: 'conflict', forwardedSeq: this.#status.forwardedSeq, problem: err.reason });
          await this.#sleep(CONFLICT_RETRY_MS, false);
          continue;
        }
        const message = err instanceof Error ? err.message : String(err);
        this.#set({ state: 'down', forwardedSeq: this.#status.forwardedSeq, problem: { zh: `区级数据库连接中断（${message}），自动重试`, en: `district database link down (${message}); retrying by itself` } });
        await this.#sleep(retryMs, false);
        retryMs = Math.min(retryMs * 2, this.#deps.retryMaxMs ?? RETRY_MAX_MS);
      } finally {
        this.#link?.close();
        this.#link = undefined;
      }
    }
  }

  /** One connection's life: names the hall, resumes after what the district holds, then follows the journal. */
  async #session(connected: () => void): Promise<void> {
    const { url, timeoutMs = TIMEOUT_MS, heartbeatMs = HEARTBEAT_MS, retryMaxMs = RETRY_MAX_MS, tail } = this.#deps;
    let lost: Error | undefined;
    const link = DistrictLink.create(url, timeoutMs, (err) => {
      lost = err;
      // Only while this link is the current one: a closed link's late error must not cut a backoff short.
      if (this.#link === link) this.#wake?.done();
    });
    // Kept before connecting, so stop() ends a connection attempt too rather than waiting out its timeout.
    this.#link = link;
    await link.connect();
    const hall = this.#deps.hall();
    let published = this.#deps.config();
    await link.announce(hall, published);
    await this.#deps.whileLinked?.(link);
    const held = await link.lastHeld(hall.id);
    let seq = held?.seq ?? 0;
    let day = held?.day;
    // Resuming after the district's last record is right only if that record is this journal's own.
    if (held && (await tail.at(held.seq, held.day))?.id !== held.id) {
      throw await link.refuse(hall.id, {
        zh: `区级数据库中大厅 ${hall.id} 的第 ${held.seq} 条记录不是本大厅日志的记录（本日志到第 ${tail.lastSeq} 条）：另一台 hub 也以此编号转发，或本数据目录是从旧备份恢复的。已停止转发，大厅照常运行`,
        en: `the district's seq ${held.seq} of hall ${hall.id} is not this hall's record (this journal ends at ${tail.lastSeq}): another hub forwards as ${hall.id}, or this data folder was restored from an older backup. Forwarding stopped; the hall runs on`,
      });
    }
    const { presence } = this.#deps;
    let presentUpTo: PresenceCursor | undefined = presence && ((await link.lastPresence(hall.id)) ?? { day: undefined, line: 0 });
    connected();
    this.#set({ state: 'linked', forwardedSeq: seq });
    let reportedAt = 0;
    let presenceAt = 0;
    while (!this.#stopped) {
      if (lost) throw lost;
      const batch = await tail.after(seq, day, BATCH);
      if (batch.length > 0) {
        // Each batch reports how far the journal goes, so only an idle link needs a heartbeat.
        await link.send(hall.id, batch, tail.lastSeq);
        seq = batch.at(-1)!.seq;
        day = batch.at(-1)!.day;
        reportedAt = Date.now();
        this.#status = { state: 'linked', forwardedSeq: seq };
        continue;
      }
      const caughtUp = seq >= tail.lastSeq;
      // Presence goes while the journal has nothing to send, at most once a heartbeat, however busy the hall.
      if (presence && presentUpTo && Date.now() - presenceAt >= heartbeatMs) {
        presentUpTo = await this.#sendPresence(link, hall.id, presence, presentUpTo);
        presenceAt = Date.now();
      }
      if (Date.now() - reportedAt >= heartbeatMs) {
        // A configuration changed since (a manager's edit) is published again; the hall's id never changes.
        const config = this.#deps.config();
        if (config !== published) await link.announce(this.#deps.hall(), (published = config));
        await link.heartbeat(hall.id, tail.lastSeq, caughtUp);
        await this.#deps.whileLinked?.(link);
        reportedAt = Date.now();
      }
      // Nothing to send: wait for records (a journal whose files lag its seq is read again later).
      await this.#sleep(caughtUp ? heartbeatMs : retryMaxMs, true);
    }
  }

  /** Sends the presence lines after `from`, a batch at a time; answers the last line sent. */
  async #sendPresence(link: DistrictLink, hall: string, presence: PresenceTail, from: PresenceCursor): Promise<PresenceCursor> {
    let at = from;
    for (let lines = await presence.after(at.day, at.line, BATCH); lines.length > 0 && !this.#stopped; lines = await presence.after(at.day, at.line, BATCH)) {
      await link.sendPresence(hall, lines);
      const last = lines.at(-1)!;
      at = { day: last.day, line: last.line };
    }
    return at;
  }

  /** Waits `ms`, or less if the link is lost, the forwarder stops, or (`forRecords`) records come. */
  #sleep(ms: number, forRecords: boolean): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = { done, forRecords };
    });
  }

  /** Logs a change of state (not every retry). */
  #set(next: ForwarderStatus): void {
    const before = this.#status;
    this.#status = next;
    if (before.state === next.state && before.problem?.en === next.problem?.en) return;
    const what = next.problem ? `${next.problem.zh} / ${next.problem.en}` : next.state === 'linked' ? `已连接区级数据库，从第 ${next.forwardedSeq + 1} 条起转发 / linked to the district, forwarding from seq ${next.forwardedSeq + 1}` : next.state;
    this.#deps.log(`federation: ${what}`);
  }
}
