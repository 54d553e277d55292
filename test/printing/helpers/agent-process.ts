// The built print agent in a child process, as `npm run agent` starts it on a kiosk PC.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/test-hub.js';

export interface AgentProcess {
  child: ChildProcess;
  /** Everything it wrote, stdout and stderr. */
  output: () => string;
  /** What it showed the person at the PC (stdout alone: the pairing code and what to do). */
  stdout: () => string;
  /** Resolves with the first match in its output from `from` (a length of output()) on. */
  waitFor(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<RegExpMatchArray>;
  /** SIGKILL: the kiosk PC loses power. */
  kill(): Promise<void>;
}

/**
 * A token given on the command line, or a token file (paired for first with `pair`). `data`: the
 * agent's data folder (its print job memory), to start it again on the same one; by default a
 * temporary folder of its own (removed when it is killed), beside the token file if there is one.
 */
export type AgentCredentials = ({ token: string } | { tokenFile: string; pair?: boolean }) & { data?: string };

/** Matches the code the agent shows when pairing. */
export const PAIRING_CODE = /pairing code:\s+([2-9A-HJKMNP-Z]{6})\b/;

export function startAgent(hubUrl: string, printerPath: string, credentials: AgentCredentials, baud = 9600): AgentProcess {
  const auth = 'token' in credentials ? ['--token', credentials.token] : ['--token-file', credentials.tokenFile, ...(credentials.pair ? ['--pair'] : [])];
  const ownData = credentials.data === undefined && 'token' in credentials ? mkdtempSync(path.join(os.tmpdir(), 'yichuang-agent-')) : undefined;
  const data = credentials.data ?? ownData;
  const args = ['--hub', hubUrl, '--printer', printerPath, '--baud', String(baud), ...auth, ...(data ? ['--data', data] : []), '--poll-ms', '60000'];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'hub/dist/agent/main.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  let closed = false;
  const listeners = new Set<() => void>();
  const heard = (): void => listeners.forEach((l) => l());
  child.stdout!.on('data', (b: Buffer) => {
    stdout += b.toString();
    out += b.toString();
    heard();
  });
  child.stderr!.on('data', (b: Buffer) => {
    out += b.toString();
    heard();
  });
  // 'close', not 'exit': its last words may still be in the pipes when it exits.
  child.on('close', () => {
    closed = true;
    heard();
  });
  return {
    child,
    output: () => out,
    stdout: () => stdout,
    waitFor(pattern, { from = 0, timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = out.slice(from).match(pattern);
          if (!match && !closed) return;
          listeners.delete(check);
          clearTimeout(timer);
          if (match) resolve(match);
          else reject(new Error(`agent exited (${child.exitCode ?? child.signalCode}) without printing ${pattern}:\n${out}`));
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`agent did not print ${pattern} within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await exited;
      }
      if (ownData) rmSync(ownData, { recursive: true, force: true });
    },
  };
}
