// What `npm run journal:check` looks at (admin/journal-check-cli.ts says it): every day file of the
// journal, line by line, and the sequence across them. Checking only reads. Repairing a day sets its
// bad lines aside, each in a file of its own under journal-damaged/ (the bytes as they were), then
// replaces the day file with its good lines, unchanged and in order.
import path from 'node:path';
import type { ServiceDay } from '@yichuang/shared/domain';
import { dataFolder } from './data-folder.js';
import { listDays } from './day-files.js';
import { createFile, ensureFolder, fileStamp, readFileIfAny, replaceFile } from './files.js';
import { dayFile, dayLines } from './journal.js';

const NL = Buffer.from('\n');

/** A line that is not a record. */
export interface BadLine {
  /** Counted from 1. */
  line: number;
  /** Where it starts in the file. */
  byte: number;
  length: number;
  /** The file's last line: a write a crash cut short, never acknowledged (the hub leaves it out). */
  last: boolean;
  /** The seqs of the records around it: what it held lies between. */
  after?: number;
  before?: number;
}

export interface DayCheck {
  day: ServiceDay;
  file: string;
  records: number;
  firstSeq?: number;
  lastSeq?: number;
  bad: BadLine[];
}

/** A record whose seq is not above the one before it (in its file or the day before). */
export interface SeqFault {
  day: ServiceDay;
  line: number;
  seq: number;
  previous: number;
}

/** Seqs missing between two records: a line set aside, or records lost. */
export interface SeqGap {
  day: ServiceDay;
  after: number;
  before: number;
}

export interface JournalCheck {
  dir: string;
  days: DayCheck[];
  outOfOrder: SeqFault[];
  gaps: SeqGap[];
}

/** Reads every day file of the journal in `dataDir`; changes nothing. */
export async function checkJournal(dataDir: string): Promise<JournalCheck> {
  const dir = dataFolder(dataDir).journal;
  const result: JournalCheck = { dir, days: [], outOfOrder: [], gaps: [] };
  let previous: number | undefined;
  for (const day of await listDays(dir, '.jsonl')) {
    const file = dayFile(dir, day);
    const lines = dayLines((await readFileIfAny(file)) ?? Buffer.alloc(0));
    const check: DayCheck = { day, file, records: 0, bad: [] };
    for (const [i, line] of lines.entries()) {
      const seq = line.record?.seq;
      if (seq === undefined) {
        const after = lines.slice(0, i).findLast((l) => l.record)?.record?.seq;
        const before = lines.slice(i + 1).find((l) => l.record)?.record?.seq;
        check.bad.push({ line: i + 1, byte: line.byte, length: line.bytes.length, last: i === lines.length - 1, after, before });
        continue;
      }
      check.records++;
      check.firstSeq ??= seq;
      check.lastSeq = seq;
      if (previous !== undefined && seq <= previous) result.outOfOrder.push({ day, line: i + 1, seq, previous });
      else if (previous !== undefined && seq > previous + 1) result.gaps.push({ day, after: previous, before: seq });
      previous = Math.max(previous ?? seq, seq);
    }
    result.days.push(check);
  }
  return result;
}

/**
 * Sets the day's bad lines aside (each in `journal-damaged/<day>-line<N>-<stamp>.txt`, synced before
 * the day is touched) and replaces the day file with its records. Resolves with the files set aside.
 */
export async function repairDay(dataDir: string, day: ServiceDay): Promise<string[]> {
  const file = dayFile(dataFolder(dataDir).journal, day);
  const lines = dayLines((await readFileIfAny(file)) ?? Buffer.alloc(0));
  const asideDir = dataFolder(dataDir).journalDamaged;
  await ensureFolder(asideDir);
  const stamp = fileStamp();
  const aside: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.record) continue;
    const name = path.join(asideDir, `${day}-line${i + 1}-${stamp}.txt`);
    await createFile(name, Buffer.concat([line.bytes, NL]));
    aside.push(name);
  }
  if (aside.length > 0) await replaceFile(file, Buffer.concat(lines.filter((l) => l.record).flatMap((l) => [l.bytes, NL])));
  return aside;
}
