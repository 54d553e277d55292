// The bench's output: a table on the terminal, and docs/bench/<name>.json + .md for the README.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/test-hub.js';
import type { BenchResults, Machine, Row } from './results.js';

const DOCS = path.join(REPO_ROOT, 'docs/bench');

export async function machine(): Promise<Machine> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

const mark = (met: boolean | null): string => (met === null ? '' : met ? '✓' : '✗');
const machineLine = (m: Machine): string =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; Node ${m.node}; ${m.os}; load average ${m.loadAtStart} at start`;

export function printTable(r: BenchResults): void {
  const header: Row = { metric: 'metric', value: 'value', target: 'target', met: null };
  const cells = (x: Row): string[] => [x.metric, x.value, x.target, x === header ? 'met' : mark(x.met)];
  const all = [header, ...r.rows].map(cells);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]): string => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(`\n一窗 bench (${r.mode} run, ${r.at}, ${r.durationS} s)`);
  console.log(`machine: ${machineLine(r.machine)}\n`);
  console.log(line(all[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of all.slice(1)) console.log(line(c));
  console.log(`\nstages (s): ${Object.entries(r.stagesS).map(([stage, seconds]) => `${stage} ${seconds}`).join('; ')}`);
}

export function markdown(r: BenchResults): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  // Per ticket: gross (the step's CPU ÷ its tickets) and marginal (less the quiet stretch's idle CPU).
  const perTicket = (cores: number, rate: number): string => (rate > 0 ? `${Math.round((cores / rate) * 1e5) / 100} ms` : '—');
  const steps = r.figures.ramp.steps
    .map((s) => `| ${s.rate}/s | ${s.achieved}/s | ${s.ack.p50} ms | ${s.ack.p99} ms | ${s.errors + s.unanswered} | ${s.hubCpu} | ${perTicket(s.hubCpu, s.achieved)} | ${perTicket(s.hubCpu - r.figures.idle.hubCores, s.achieved)} |`)
    .join('\n');
  return [
    `# Bench: ${r.mode === 'quick' ? 'QUICK run (small settings, not the figures of record)' : 'full run'}`,
    '',
    `${r.at}, ${r.durationS} s. Machine: ${machineLine(r.machine)}.`,
    '',
    '| metric | value | target | met |',
    '|---|---|---|---|',
    ...r.rows.map((x) => `| ${esc(x.metric)} | ${esc(x.value)} | ${x.target} | ${mark(x.met)} |`),
    '',
    'Ticket rate steps (open loop, from the kiosk sockets):',
    '',
    `| rate | acknowledged | p50 | p99 | errors + unanswered | hub CPU (cores) | hub CPU per ticket | marginal (less ${r.figures.idle.hubCores} cores idle) |`,
    '|---|---|---|---|---|---|---|---|',
    steps,
    '',
    `Stages (s): ${Object.entries(r.stagesS).map(([stage, seconds]) => `${stage} ${seconds}`).join('; ')}.`,
    '',
    `Raw figures: [${r.mode === 'quick' ? 'latest-quick' : 'latest'}.json](${r.mode === 'quick' ? 'latest-quick' : 'latest'}.json).`,
    '',
  ].join('\n');
}

/** A quick run never overwrites the full run's figures. */
export async function writeResults(r: BenchResults): Promise<string[]> {
  await mkdir(DOCS, { recursive: true });
  const name = r.mode === 'quick' ? 'latest-quick' : 'latest';
  const files = [path.join(DOCS, `${name}.json`), path.join(DOCS, `${name}.md`)];
  await writeFile(files[0]!, JSON.stringify(r, null, 2) + '\n');
  await writeFile(files[1]!, markdown(r));
  return files.map((f) => path.relative(REPO_ROOT, f));
}
