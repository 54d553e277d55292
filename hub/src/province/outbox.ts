// The provincial platform's outbox. Each rating and case step becomes a record in its own JSONL file
// (queued, then each try's outcome), and a sender posts the records in order to the platform's
// address, waiting longer after each failure in a row. Off the command path: the hall hands it
// records once they are durable and never waits on it. After a crash it builds again, from the
// journal, the records of everything after the last one it had queued; a record whose post the
// platform took but whose 'sent' line was lost is posted again under the same id (Idempotency-Key),
// which the platform keeps once.
import type { HallConfig } from '@yichuang/shared/domain';
import type { OutboxItem, OutboxView } from '@yichuang/shared/province';
import type { ProvinceOptions } from '../config.js';
import type { EngineState } from '../engine/types.js';
import { dataFolder } from '../storage/data-folder.js';
import type { Journal, JournalRecord } from '../storage/journal.js';
import { JsonlFile, readJsonl } from '../storage/jsonl-file.js';
import { platformRecords, PUSHED_EVENTS, type PlatformRecord } from './platform-records.js';
import type { PostResult } from './post.js';

/**
 * Lines of the outbox file. `start`: where the outbox began in the journal (or, once the file was
 * written again, where it had got to, and how many records it had sent by then). A `queued` line
 * written again carries its record's failed tries so far.
 */
type Line =
  | { t: 'start'; seq: number; day: string; sent?: number }
  | { t: 'queued'; at: number; record: PlatformRecord; tries?: number; reason?: string }
  | { t: 'sent'; id: string; at: number }
  | { t: 'failed'; id: string; at: number; reason: string };

interface Entry {
  record: PlatformRecord;
  queuedAt: number;
  tries: number;
  reason?: string;
  sentAt?: number;
}

/** Sent records kept (and listed on the console after the unsent ones); older ones are only counted. */
const KEPT_SENT = 20;
/** Unsent records the console lists, oldest first (the counts cover all). */
const SHOWN_UNSENT = 200;
/** At start, a file this many lines longer than what it must keep is written again with only that. */
const COMPACT_SLACK = 1000;
/** An idle sender looks again this often, for an address set in the meantime. */
const IDLE_MS = 5_000;

export interface OutboxDeps {
  dataDir: string;
  journal: Journal;
  state: () => EngineState;
  config: () => HallConfig;
  clock: () => number;
  log: (line: string) => void;
  post: (endpoint: string, record: PlatformRecord, timeoutMs: number) => Promise<PostResult>;
  options?: ProvinceOptions;
}

export class ProvinceOutbox {
  readonly #deps: OutboxDeps;
  readonly #file: JsonlFile;
  /** Records not sent yet and the latest sent, in the order they were queued. */
  readonly #entries = new Map<string, Entry>();
  /** Ids of the kept sent records, oldest first. */
  readonly #sent: string[] = [];
  /** Records sent and no longer kept. */
  #sentEarlier = 0;
  /** The last journal record looked at. */
  #cursor = { seq: 0, day: '' };
  /** Failures in a row, for the wait before the next try. */
  #failures = 0;
  /** When the next try is due: by the machine's time (the wait), and by the hall's clock (the console). */
  #retry = { at: 0, hallAt: 0 };
  #intake: Promise<void> = Promise.resolve();
  /** A batch could not be queued: the next one reads the journal from the cursor instead. */
  #behind = false;
  #wake: (() => void) | undefined;
  #stopped = false;
  #running: Promise<void> | undefined;

  private constructor(deps: OutboxDeps) {
    this.#deps = deps;
    this.#file = new JsonlFile(dataFolder(deps.dataDir).provinceOutbox);
  }

  static async open(deps: OutboxDeps): Promise<ProvinceOutbox> {
    const outbox = new ProvinceOutbox(deps);
    await outbox.#load();
    return outbox;
  }

  /** The hall's listener: takes a durable batch and returns at once. */
  onRecords = (records: readonly JournalRecord[]): void => {
    if (this.#stopped) return;
    this.#enqueue(() => (this.#behind ? this.#catchUp() : this.#take(records)));
  };

  start(): void {
    this.#running ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#running;
    await this.#intake;
    await this.#file.close();
  }

  view(): OutboxView {
    const items = [...this.#entries.values()].map((e) => this.#item(e));
    const unsent = items.filter((i) => i.state !== 'sent');
    const sent = items.filter((i) => i.state === 'sent').sort((a, b) => b.sentAt! - a.sentAt!);
    return {
      endpoint: this.#deps.config().evaluation.platform.endpoint !== '',
      counts: { sent: this.#sentEarlier + sent.length, waiting: unsent.filter((i) => i.state === 'waiting').length, failed: unsent.filter((i) => i.state === 'failed').length },
      items: [...unsent.slice(0, SHOWN_UNSENT), ...sent],
    };
  }

  #item(e: Entry): OutboxItem {
    const { id, kind } = e.record;
    const state = e.sentAt !== undefined ? 'sent' : e.reason !== undefined ? 'failed' : 'waiting';
    return {
      id,
      kind,
      state,
      queuedAt: e.queuedAt,
      tries: e.tries,
      ...(e.reason !== undefined && state !== 'sent' && { reason: e.reason }),
      ...(e.sentAt !== undefined && { sentAt: e.sentAt }),
      ...(state === 'failed' && { nextAt: this.#retry.hallAt }),
    };
  }

  async #load(): Promise<void> {
    const lines = await readJsonl<Line>(this.#file.file);
    for (const line of lines) this.#apply(line);
    if (lines.length > 1 + 2 * this.#entries.size + COMPACT_SLACK) await this.#compact();
    if (lines.length === 0) {
      // A new outbox starts from now: ratings from before it existed are in the export.
      const start: Line = { t: 'start', seq: this.#deps.journal.lastSeq, day: this.#deps.state().day ?? '' };
      await this.#file.append([start]);
      this.#apply(start);
    }
    // Records journaled after the last one queued (a crash between the two): built again from the journal.
    this.#enqueue(() => this.#catchUp());
  }

  #apply(line: Line): void {
    if (line.t === 'start') {
      this.#advance(line.seq, line.day);
      this.#sentEarlier = line.sent ?? 0;
    } else if (line.t === 'queued') {
      const { record, at, tries = 0, reason } = line;
      this.#entries.set(record.id, { record, queuedAt: at, tries, ...(reason !== undefined && { reason }) });
      this.#advance(record.seq, record.day);
    } else {
      const e = this.#entries.get(line.id);
      if (!e || e.sentAt !== undefined) return;
      if (line.t === 'sent') this.#markSent(e, line.at);
      else {
        e.tries++;
        e.reason = line.reason;
      }
    }
  }

  #markSent(e: Entry, at: number): void {
    e.sentAt = at;
    this.#sent.push(e.record.id);
    while (this.#sent.length > KEPT_SENT) {
      this.#entries.delete(this.#sent.shift()!);
      this.#sentEarlier++;
    }
  }

  /** Writes the file again with what it must keep: where it got to, the records not sent, the latest sent. */
  async #compact(): Promise<void> {
    const lines: Line[] = [{ t: 'start', ...this.#cursor, sent: this.#sentEarlier }];
    for (const e of this.#entries.values()) {
      lines.push({ t: 'queued', at: e.queuedAt, record: e.record, ...(e.tries > 0 && { tries: e.tries }), ...(e.reason !== undefined && { reason: e.reason }) });
      if (e.sentAt !== undefined) lines.push({ t: 'sent', id: e.record.id, at: e.sentAt });
    }
    await this.#file.rewrite(lines);
  }

  #advance(seq: number, day: string): void {
    if (seq >= this.#cursor.seq) this.#cursor = { seq, day };
  }

  async #catchUp(): Promise<void> {
    const { journal } = this.#deps;
    for (const day of await journal.days()) {
      if (journal.lastSeq <= this.#cursor.seq) break;
      if (day < this.#cursor.day) continue;
      await this.#take((await journal.readDay(day)).filter((r) => r.seq > this.#cursor.seq));
    }
    this.#behind = false;
  }

  async #take(records: readonly JournalRecord[]): Promise<void> {
    const fresh = records.filter((r) => r.seq > this.#cursor.seq);
    const last = fresh.at(-1);
    if (!last) return;
    const built = this.#build(fresh);
    const lines: Line[] = built.filter((b) => !this.#entries.has(b.id)).map((record) => ({ t: 'queued', at: this.#deps.clock(), record }));
    await this.#file.append(lines);
    for (const line of lines) this.#apply(line);
    this.#advance(last.seq, last.day);
    if (lines.length > 0) this.#wake?.();
  }

  /** The platform's records of journal records. Without a region code the hall has no record ids yet: its ratings are only in the export. */
  #build(records: readonly JournalRecord[]): PlatformRecord[] {
    const state = this.#deps.state();
    const config = this.#deps.config();
    if (config.evaluation.platform.regionCode === '') return [];
    return records.flatMap((r) => {
      const made = platformRecords(r, state, config);
      if (made.length === 0 && PUSHED_EVENTS.has(r.event.type)) {
        this.#deps.log(`province outbox: ${r.event.type} (seq ${r.seq}) is no longer in the hall's state: not pushed / 已不在当前状态中，未推送`);
      }
      return made;
    });
  }

  /** Batches are taken one after another; one that could not be written is read again from the journal. */
  #enqueue(work: () => Promise<void>): void {
    this.#intake = this.#intake.then(work).catch((err: unknown) => {
      this.#behind = true;
      this.#deps.log(`province outbox: ${(err as Error).message}`);
    });
  }

  async #run(): Promise<void> {
    await this.#intake;
    while (!this.#stopped) {
      const endpoint = this.#deps.config().evaluation.platform.endpoint;
      const next = [...this.#entries.values()].find((e) => e.sentAt === undefined);
      const wait = this.#retry.at - Date.now();
      if (!next || endpoint === '') await this.#sleep(IDLE_MS);
      else if (wait > 0) await this.#sleep(wait);
      else await this.#send(endpoint, next);
    }
  }

  async #send(endpoint: string, e: Entry): Promise<void> {
    const { retryMinMs = 1000, retryMaxMs = 300_000, timeoutMs = 10_000 } = this.#deps.options ?? {};
    const result = await this.#deps.post(endpoint, e.record, timeoutMs);
    const at = this.#deps.clock();
    const line: Line = result.ok ? { t: 'sent', id: e.record.id, at } : { t: 'failed', id: e.record.id, at, reason: result.reason };
    try {
      await this.#file.append([line]);
    } catch (err) {
      // Not recorded: it is sent again later under the same id, which the platform keeps once.
      this.#deps.log(`province outbox: ${(err as Error).message}`);
    }
    this.#apply(line);
    if (result.ok) {
      this.#failures = 0;
      this.#retry = { at: 0, hallAt: 0 };
    } else {
      this.#failures++;
      const wait = Math.min(retryMaxMs, retryMinMs * 2 ** (this.#failures - 1));
      this.#retry = { at: Date.now() + wait, hallAt: at + wait };
      this.#deps.log(`province outbox: ${e.record.id} not sent (${result.reason}) / 推送失败`);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = undefined;
        done();
      };
    });
  }
}
