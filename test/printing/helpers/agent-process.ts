// The built print agent in a child process, as `npm run agent` starts it on a kiosk PC.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/test-hub.js';

export interface AgentProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: the kiosk PC loses power. */
  kill(): Promise<void>;
}

export function startAgent(hubUrl: string, printerPath: string, token: string): AgentProcess {
  const args = ['--hub', hubUrl, '--printer', printerPath, '--baud', '9600', '--token', token, '--poll-ms', '60000'];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'hub/dist/agent/main.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return {
    child,
    output: () => out,
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      return exited;
    },
  };
}
