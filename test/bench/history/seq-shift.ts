// Renumbers a block of days simulated in parallel with earlier ones: every journal record's seq,
// and each roll-up's seq (the last record it includes), move up by the records written before it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServiceDay } from '@yichuang/shared/domain';

const SEQ = /"seq":(\d+)/;
/** A roll-up is pretty-printed with its own seq before any ticket row. */
const ROLLUP_SEQ = /"seq": (\d+)/;

/** The seq of a day file's first or last record. */
export async function edgeSeq(dataDir: string, day: ServiceDay, edge: 'first' | 'last'): Promise<number> {
  const lines = (await readFile(path.join(dataDir, 'journal', `${day}.jsonl`), 'utf8')).trimEnd().split('\n');
  return Number(SEQ.exec((edge === 'first' ? lines[0] : lines.at(-1)) ?? '')?.[1]);
}

export async function shiftSeq(dataDir: string, days: readonly ServiceDay[], delta: number): Promise<void> {
  if (delta === 0) return;
  const shift = (_: string, n: string): string => `"seq":${Number(n) + delta}`;
  for (const day of days) {
    const journal = path.join(dataDir, 'journal', `${day}.jsonl`);
    // The seq is the record's fourth key (v, id, hall, seq): the first match on each line is its own.
    const lines = (await readFile(journal, 'utf8')).split('\n').map((line) => line.replace(SEQ, shift));
    await writeFile(journal, lines.join('\n'));
    const rollup = path.join(dataDir, 'rollups', `${day}.json`);
    const text = await readFile(rollup, 'utf8').catch(() => undefined);
    if (text !== undefined) await writeFile(rollup, text.replace(ROLLUP_SEQ, (_, n: string) => `"seq": ${Number(n) + delta}`));
  }
}
