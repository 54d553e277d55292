// The technicians' test print (printer:test) against a virtual printer on a PTY, and the ticket size
// report (printer:size, a development tool under test/bench).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/test-hub.js';
import { ptyPair, type PtyPair } from './helpers/socat.js';
import { printerOnPty, type WiredPrinter } from './helpers/virtual-printers.js';

const run = promisify(execFile);
const script = (name: string) => path.join(REPO_ROOT, 'hub/dist/printing', name);

/** Runs node with these arguments; resolves with its exit code and output whatever the code. */
async function node(args: string[], timeout = 20_000): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { timeout });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number | null; signal: string | null; stdout: string; stderr: string };
    return { code: e.code ?? -1, out: e.stdout + e.stderr + (e.signal ? `\n(killed: ${e.signal}, still running after ${timeout} ms)` : '') };
  }
}

describe('printer:test', () => {
  let pty: PtyPair;
  let wired: WiredPrinter;
  beforeEach(async () => {
    pty = await ptyPair();
    wired = await printerOnPty(pty);
  });
  afterEach(async () => {
    await wired.close();
    await pty.close();
  });

  it('prints a test slip and reports every status byte', async () => {
    wired.vp.state = 'paper-near-end';
    const { code, out } = await node([script('printer-test.js'), '--path', pty.host, '--baud', '9600', '--width', '58']);
    expect(code).toBe(0);
    expect(out).toMatch(/DLE EOT 4 .*0x1e paper near end/);
    expect(out).toMatch(/→ paper-near-end/);
    const [slip] = await wired.vp.waitForSlips(1);
    expect(slip!.lines.some((l) => l.text.startsWith('打印测试'))).toBe(true);
    expect(slip!.qr).toHaveLength(1);
  });

  it('exits, saying offline, when the printer does not answer (--status-only)', async () => {
    wired.vp.silent = true;
    const { code, out } = await node([script('printer-test.js'), '--path', pty.host, '--status-only'], 8000);
    expect(out).toMatch(/DLE EOT 1 .*no answer/);
    expect(out).toMatch(/→ offline/);
    expect(code).toBe(1);
  });

  it('prints nothing on a printer out of paper, and says why', async () => {
    wired.vp.state = 'paper-out';
    const { code, out } = await node([script('printer-test.js'), '--path', pty.host]);
    expect(code).toBe(1);
    expect(out).toMatch(/DLE EOT 2 .*stopped: paper end/);
    expect(out).toMatch(/nothing printed/);
    expect(wired.vp.slips()).toEqual([]);
  });
});

describe('ticket size report', () => {
  it('reports bytes and time on the wire at 9600 and 115200 baud, all within 300 bytes', async () => {
    const { code, out } = await node(['--import', 'tsx', path.join(REPO_ROOT, 'test/bench/ticket-size.ts')]);
    expect(out).toMatch(/9600 baud\s+115200 baud/);
    // The worst case the layout allows: green channel, ID tail, the longest number and figures, a reprint.
    expect(out).toMatch(/最坏情况 worst case\s+58 mm\s+(29\d|300)\s/);
    expect(out).toMatch(/every slip ≤ 300 bytes/);
    expect(code).toBe(0);
  });
});
