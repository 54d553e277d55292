// Append-only event journal: one JSONL file per service day, each batch written in one write
// and fdatasync'd before the command is acknowledged (docs/design.md §5).
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ServiceDay } from '@yichuang/shared/domain';
import type { Command, EngineEvent } from '../engine/types.js';
import { dataFolder } from './data-folder.js';
import { listDays } from './day-files.js';
import { readFileIfAny, replaceFile, syncFolder } from './files.js';

export interface JournalActor {
  deviceId: string;
  staffId?: string;
}

export interface JournalRecord {
  v: 1;
  /** Unique across halls, so a record forwarded twice to the centre is recognisable. */
  id: string;
  hall: string;
  /** Per-hall sequence number, continuous across days and restarts. */
  seq: number;
  day: ServiceDay;
  at: number;
  cmd?: string;
  /** The engine command `cmd` ran, so the same command id used for another command is refused. */
  op?: Command['type'];
  actor?: JournalActor;
  event: EngineEvent;
}

export interface JournalEntry {
  day: ServiceDay;
  at: number;
  cmd?: string;
  op?: Command['type'];
  actor?: JournalActor;
  event: EngineEvent;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NL = 0x0a;

export class Journal {
  readonly #dir: string;
  readonly #hall: string;
  #lastSeq: number;
  /** Newest day written; an earlier day would put lower seqs in a later-named file. */
  #lastDay: ServiceDay | undefined;
  #file: { day: ServiceDay; handle: FileHandle } | undefined;
  /** Appends run one after another so lines never interleave and seqs stay in file order. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Set once a write or fdatasync failed: the file's tail is unknown until a restart repairs it. */
  #broken: Error | undefined;
  #closed = false;
  /** What open() had to repair; the caller decides whether to log it. */
  readonly openInfo: { truncatedBytes: number };

  private constructor(dir: string, hall: string, lastSeq: number, lastDay: ServiceDay | undefined, truncatedBytes: number) {
    this.#dir = dir;
    this.#hall = hall;
    this.#lastSeq = lastSeq;
    this.#lastDay = lastDay;
    this.openInfo = { truncatedBytes };
  }

  /** Reads only the newest day file (older ones only while the newer are empty) to find the last seq. */
  static async open(dataDir: string, hallId: string): Promise<Journal> {
    const dir = dataFolder(dataDir).journal;
    await mkdir(dir, { recursive: true });
    const days = await listDays(dir, '.jsonl');
    let lastSeq = 0;
    let truncatedBytes = 0;
    for (let i = days.length - 1; i >= 0; i--) {
      const file = dayFile(dir, days[i]!);
      const buf = await readFile(file);
      const { records, validBytes } = parseDay(buf, file);
      // A torn tail can only be the newest file's: it was never fdatasync'd, so never acknowledged.
      if (i === days.length - 1 && validBytes < buf.length) {
        await truncate(file, validBytes);
        truncatedBytes = buf.length - validBytes;
      }
      const last = records.at(-1);
      if (last) {
        lastSeq = last.seq;
        break;
      }
    }
    return new Journal(dir, hallId, lastSeq, days.at(-1), truncatedBytes);
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Resolves once the whole batch is on disk; all entries must share one service day. */
  append(entries: JournalEntry[]): Promise<JournalRecord[]> {
    if (this.#closed) return Promise.reject(new Error('journal: closed'));
    const run = this.#queue.then(() => this.#append(entries));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(entries: JournalEntry[]): Promise<JournalRecord[]> {
    if (this.#broken) throw new Error('journal: an earlier write failed; restart the hub', { cause: this.#broken });
    const day = entries[0]?.day;
    if (day === undefined) return [];
    if (!DAY.test(day)) throw new Error(`journal: bad service day ${JSON.stringify(day)}`);
    if (entries.some((e) => e.day !== day)) throw new Error('journal: one batch must not span service days');
    if (this.#lastDay !== undefined && day < this.#lastDay) {
      throw new Error(`journal: day ${day} is before the last journal day ${this.#lastDay}`);
    }
    const handle = await this.#handleFor(day);
    const records = entries.map(
      (e, i): JournalRecord => ({
        v: 1,
        id: randomUUID(),
        hall: this.#hall,
        seq: this.#lastSeq + 1 + i,
        day,
        at: e.at,
        ...(e.cmd !== undefined && { cmd: e.cmd, op: e.op }),
        ...(e.actor !== undefined && { actor: e.actor }),
        event: e.event,
      }),
    );
    const buf = Buffer.from(records.map((r) => JSON.stringify(r) + '\n').join(''));
    try {
      const { bytesWritten } = await handle.write(buf);
      if (bytesWritten !== buf.length) throw new Error(`journal: short write (${bytesWritten} of ${buf.length} bytes)`);
      await handle.datasync();
    } catch (err) {
      this.#broken = err as Error;
      throw err;
    }
    this.#lastSeq += records.length;
    this.#lastDay = day;
    return records;
  }

  async #handleFor(day: ServiceDay): Promise<FileHandle> {
    if (this.#file?.day === day) return this.#file.handle;
    await this.#file?.handle.close();
    this.#file = undefined;
    const handle = await open(dayFile(this.#dir, day), 'a');
    // A new file's directory entry must be durable too, or a power cut could lose the whole day.
    await syncFolder(this.#dir);
    this.#file = { day, handle };
    return handle;
  }

  /** Every record of a day, including all appends acknowledged so far; a missing day is empty. */
  async readDay(day: ServiceDay): Promise<JournalRecord[]> {
    if (!DAY.test(day)) throw new Error(`journal: bad service day ${JSON.stringify(day)}`);
    await this.#queue;
    const file = dayFile(this.#dir, day);
    const buf = await readFileIfAny(file);
    return buf ? parseDay(buf, file).records : [];
  }

  days(): Promise<ServiceDay[]> {
    return listDays(this.#dir, '.jsonl');
  }

  /**
   * Rewrites a past day's file record by record (retention strips personal data this way): a temp
   * file, fsync, rename, folder fsync, so a reader sees the old file or the new one, never half.
   * `change` returns the record to write instead, or undefined to keep it. Resolves with how many
   * records changed (the file is left alone when none did). The newest day cannot be rewritten.
   */
  rewriteDay(day: ServiceDay, change: (record: JournalRecord) => JournalRecord | undefined): Promise<number> {
    if (!DAY.test(day)) return Promise.reject(new Error(`journal: bad service day ${JSON.stringify(day)}`));
    const run = this.#queue.then(async () => {
      if (this.#lastDay === undefined || day >= this.#lastDay) throw new Error(`journal: ${day} is still being written; only past days can be rewritten`);
      const file = dayFile(this.#dir, day);
      const { records } = parseDay(await readFile(file), file);
      let changed = 0;
      const lines = records.map((record) => {
        const next = change(record);
        if (next) changed++;
        return JSON.stringify(next ?? record) + '\n';
      });
      if (changed === 0) return 0;
      await replaceFile(file, lines.join(''));
      return changed;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Lets appends already queued finish, then releases the file. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.#file?.handle.close();
    this.#file = undefined;
  }
}

function dayFile(dir: string, day: ServiceDay): string {
  return path.join(dir, `${day}.jsonl`);
}

/**
 * Parses a day file. The last line may be torn (no '\n', or not a record): a crash mid-write.
 * It is left out and `validBytes` says where it starts. A bad line before the last is real damage.
 */
function parseDay(buf: Buffer, file: string): { records: JournalRecord[]; validBytes: number } {
  const records: JournalRecord[] = [];
  let start = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(NL, start);
    const record = nl === -1 ? undefined : parseRecord(buf.subarray(start, nl));
    if (!record) {
      if (nl === -1 || nl === buf.length - 1) break;
      throw new Error(`journal: ${file} line ${records.length + 1} (byte ${start}) is corrupt; the file is damaged`);
    }
    records.push(record);
    start = nl + 1;
  }
  return { records, validBytes: start };
}

function parseRecord(line: Buffer): JournalRecord | undefined {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    const r = value as Partial<JournalRecord> | null;
    return r?.v === 1 && Number.isSafeInteger(r.seq) ? (r as JournalRecord) : undefined;
  } catch {
    return undefined;
  }
}
