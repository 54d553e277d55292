// Runs a deploy script the way an operator would, and gives back its exit code and output.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/test-hub.js';

export const DEPLOY = path.join(REPO_ROOT, 'deploy');

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScriptResult> {
  const child = spawn('bash', [path.join(DEPLOY, script), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The words of a shell command line, as bash reads them back. */
export function shellWords(line: string): string[] {
  const r = spawnSync('bash', ['-c', `words=(${line}); printf '%s\\0' "\${words[@]}"`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bash could not read: ${line}\n${r.stderr}`);
  return r.stdout.split('\0').slice(0, -1);
}
