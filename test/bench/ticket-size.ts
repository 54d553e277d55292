// Bytes of a printed ticket, as the printing module measures them: hub/dist/printing/ticket-size.js
// prints a table with a row per kind of slip ("… 58 mm  254  264.6 ms …": paper, bytes, times).
// Absent until printing is built.
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/test-hub.js';

export type TicketSize = { firstBytes: number; maxBytes: number; slips: number; output: string } | { missing: string };

const SCRIPT = path.join(REPO_ROOT, 'hub/dist/printing/ticket-size.js');
const ROW = /\b\d+\s*mm\s+(\d+)\b/;

export async function ticketSize(): Promise<TicketSize> {
  try {
    await access(SCRIPT);
  } catch {
    return { missing: 'n/a (printing not built yet)' };
  }
  const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT], { timeout: 30_000 });
  const output = stdout.trim();
  const sizes = output.split('\n').flatMap((line) => ROW.exec(line)?.[1] ?? []).map(Number);
  if (sizes.length === 0) return { missing: `n/a (no slip sizes in the output of ticket-size.js: ${output.slice(0, 80)})` };
  return { firstBytes: sizes[0]!, maxBytes: Math.max(...sizes), slips: sizes.length, output };
}
