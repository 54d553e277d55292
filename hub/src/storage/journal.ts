// Append-only event journal: one JSONL file per service day, each batch written in one write
// and fdatasync'd before the command is acknowledged (docs/design.md §5). A write that fails (disk
// full, read-only, I/O error) breaks the journal until it recovers by itself: see #recover.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ServiceDay } from '@yichuang/shared/domain';
import type { Bilingual } from '@yichuang/shared/errors';
import type { Command, EngineEvent } from '../engine/types.js';
import { dataFolder } from './data-folder.js';
import { listDays } from './day-files.js';
import { probeWritable, readFileIfAny, replaceFile, syncFolder } from './files.js';
import { StorageError } from './storage-error.js';

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

/** Why the journal cannot take appends now, for /api/health. */
export interface StorageProblem {
  reason: Bilingual;
  /** The file that failed, relative to the data folder. */
  file: string;
  /** When the first write failed. */
  since: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NL = 0x0a;
/** A broken journal tries to recover this often even when nothing is appended, so health turns back by itself. */
const RETRY_MS = 1000;

interface DayFile {
  day: ServiceDay;
  handle: FileHandle;
  /** Bytes acknowledged: the file ends here, unless a failed write left unacknowledged bytes after it. */
  size: number;
}

export class Journal {
  readonly #dir: string;
  readonly #hall: string;
  #lastSeq: number;
  /** Newest day written; an earlier day would put lower seqs in a later-named file. */
  #lastDay: ServiceDay | undefined;
  #file: DayFile | undefined;
  /** Appends run one after another so lines never interleave and seqs stay in file order. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Set while writes fail: appends are refused until #recover succeeds. */
  #broken: { error: StorageError; since: number } | undefined;
  #retry: NodeJS.Timeout | undefined;
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

  /** Why appends are refused now; undefined while the journal takes them. */
  get problem(): StorageProblem | undefined {
    if (!this.#broken) return undefined;
    const { error, since } = this.#broken;
    return { reason: error.reason, file: error.fileIn(path.dirname(this.#dir)), since };
  }

  /** Resolves once the whole batch is on disk; all entries must share one service day. */
  append(entries: JournalEntry[]): Promise<JournalRecord[]> {
    if (this.#closed) return Promise.reject(new Error('journal: closed'));
    const run = this.#queue.then(() => this.#append(entries));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(entries: JournalEntry[]): Promise<JournalRecord[]> {
    const day = entries[0]?.day;
    if (day === undefined) return [];
    if (!DAY.test(day)) throw new Error(`journal: bad service day ${JSON.stringify(day)}`);
    if (entries.some((e) => e.day !== day)) throw new Error('journal: one batch must not span service days');
    if (this.#lastDay !== undefined && day < this.#lastDay) {
      throw new Error(`journal: day ${day} is before the last journal day ${this.#lastDay}`);
    }
    if (this.#broken) await this.#recover();
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
      const file = await this.#fileFor(day);
      // A short write is retried for the rest, so a full disk fails with its own error (ENOSPC).
      for (let done = 0; done < buf.length; ) done += (await file.handle.write(buf, done)).bytesWritten;
      await file.handle.datasync();
      file.size += buf.length;
    } catch (err) {
      // Cut off at once what the failed write left, so no reader of the day sees a refused record.
      await this.#file?.handle.truncate(this.#file.size).catch(() => undefined);
      throw this.#break(err, dayFile(this.#dir, day));
    }
    this.#lastSeq += records.length;
    this.#lastDay = day;
    return records;
  }

  async #fileFor(day: ServiceDay): Promise<DayFile> {
    if (this.#file?.day === day) return this.#file;
    await this.#release();
    const handle = await open(dayFile(this.#dir, day), 'a');
    try {
      // A new file's directory entry must be durable too, or a power cut could lose the whole day.
      await syncFolder(this.#dir);
      this.#file = { day, handle, size: (await handle.stat()).size };
    } catch (err) {
      await handle.close();
      throw err;
    }
    return this.#file;
  }

  async #release(): Promise<void> {
    const handle = this.#file?.handle;
    this.#file = undefined;
    await handle?.close();
  }

  /**
   * Refuses appends from now until #recover succeeds, which is tried again every RETRY_MS meanwhile.
   * The error names `file` (the day's, which health shows), even when a probe beside it failed.
   */
  #break(err: unknown, file: string): StorageError {
    const error = err instanceof StorageError && err.file === file ? err : new StorageError(file, err instanceof StorageError ? err.cause : err);
    this.#broken = { error, since: this.#broken?.since ?? Date.now() };
    this.#retry ??= setTimeout(() => {
      this.#retry = undefined;
      if (this.#closed || !this.#broken) return;
      this.#queue = this.#queue.then(() => this.#broken && this.#recover()).catch(() => undefined);
    }, RETRY_MS).unref();
    return error;
  }

  /**
   * Takes appends again once writes succeed: the day's file is opened afresh and cut back to its
   * last acknowledged byte (a failed write may have left part or all of a batch that was refused,
   * so never applied), its last line must be the last record acknowledged, and a probe write must
   * reach the disk. Until then it stays broken; seqs go on from the last acknowledged record.
   */
  async #recover(): Promise<void> {
    const current = this.#file;
    const file = current && dayFile(this.#dir, current.day);
    try {
      this.#file = undefined;
      await current?.handle.close().catch(() => undefined); // closing a handle whose writes failed may fail too
      if (current && file) {
        await truncate(file, current.size);
        const handle = await open(file, 'a');
        this.#file = { ...current, handle };
        const last = await lastRecord(file, current.size);
        if (current.size > 0 && last?.seq !== this.#lastSeq) {
          throw new StorageError(file, undefined, {
            zh: `末条记录不是最后确认的 seq ${this.#lastSeq}，请重启 hub`,
            en: `its last record is not seq ${this.#lastSeq}, the last acknowledged; restart the hub`,
          });
        }
      }
      await probeWritable(this.#dir);
    } catch (err) {
      throw this.#break(err, file ?? this.#dir);
    }
    this.#broken = undefined;
    clearTimeout(this.#retry);
    this.#retry = undefined;
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
    clearTimeout(this.#retry);
    await this.#queue;
    await this.#release().catch(() => undefined);
  }
}

/** A day's file in the journal folder `dir`. */
export function dayFile(dir: string, day: ServiceDay): string {
  return path.join(dir, `${day}.jsonl`);
}

/** One line of a day file. */
export interface DayLine {
  /** Where it starts in the file. */
  byte: number;
  /** The line, without its '\n'. */
  bytes: Buffer;
  /** Undefined when the line is not a record, or has no '\n' (a write a crash cut short). */
  record: JournalRecord | undefined;
}

/** Splits a day file into its lines. */
export function dayLines(buf: Buffer): DayLine[] {
  const lines: DayLine[] = [];
  for (let start = 0; start < buf.length; ) {
    const nl = buf.indexOf(NL, start);
    const end = nl === -1 ? buf.length : nl;
    const bytes = buf.subarray(start, end);
    lines.push({ byte: start, bytes, record: nl === -1 ? undefined : parseRecord(bytes) });
    start = end + 1;
  }
  return lines;
}

/**
 * Parses a day file. The last line may be torn (no '\n', or not a record): a crash mid-write.
 * It is left out and `validBytes` says where it starts. A bad line before the last is real damage.
 */
function parseDay(buf: Buffer, file: string): { records: JournalRecord[]; validBytes: number } {
  const lines = dayLines(buf);
  const records: JournalRecord[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.record) records.push(line.record);
    else if (i < lines.length - 1) throw damaged(file, i + 1, line.byte);
  }
  const last = lines.at(-1);
  return { records, validBytes: last && !last.record ? last.byte : buf.length };
}

/** What stops the hub at a corrupt line, and how to go on. */
function damaged(file: string, line: number, byte: number): Error {
  const root = path.dirname(path.dirname(file));
  const aside = dataFolder(root).journalDamaged;
  return new Error(
    `日志文件 ${file} 第 ${line} 行（第 ${byte} 字节起）已损坏。请停止 hub，运行 npm run journal:check -- --data ${root} --repair：` +
      `损坏的行将另存到 ${aside}，其余记录保留。 / journal file ${file}: line ${line} (from byte ${byte}) is corrupt. ` +
      `Stop the hub and run npm run journal:check -- --data ${root} --repair: the bad line is set aside in ${aside} and the rest kept.`,
  );
}

/** Bytes read at a time when looking for a file's last line from its end. */
const TAIL_CHUNK = 16 * 1024;

/** The record on the last line of `file` before byte `end` (where that line's '\n' must be), if it is one. */
async function lastRecord(file: string, end: number): Promise<JournalRecord | undefined> {
  const handle = await open(file, 'r');
  try {
    let tail = Buffer.alloc(0);
    for (let from = end; from > 0; ) {
      const size = Math.min(TAIL_CHUNK, from);
      from -= size;
      const chunk = Buffer.alloc(size);
      await handle.read(chunk, 0, size, from);
      tail = Buffer.concat([chunk, tail]);
      const start = tail.length > 1 ? tail.lastIndexOf(NL, tail.length - 2) : -1;
      if (start !== -1 || from === 0) return tail.at(-1) === NL ? parseRecord(tail.subarray(start + 1, -1)) : undefined;
    }
    return undefined;
  } finally {
    await handle.close();
  }
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
