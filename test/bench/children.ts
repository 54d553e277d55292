// Child processes of the bench (hub, bare server, load processes, history blocks): started here,
// remembered, and killed when the bench ends however it ends.
import { fork, type ChildProcess } from 'node:child_process';
import { killed } from '../helpers/hub-process.js';

const running = new Set<ChildProcess>();

export function track<C extends ChildProcess>(child: C): C {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** A TypeScript module in its own Node process, with an IPC channel. */
export function forkTs(file: string): ChildProcess {
  return track(fork(file, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

/** The first IPC message `accept` turns into a value; rejects if `accept` throws, the child exits or time runs out. */
export function nextMessage<M, T>(child: ChildProcess, accept: (m: M) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${what}: no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (m: M): void => {
      try {
        const value = accept(m);
        if (value !== undefined) done(undefined, value);
      } catch (err) {
        done(err as Error);
      }
    };
    const onExit = (code: number | null): void => done(new Error(`${what}: process exited (${code})`));
    function done(err: Error | undefined, value?: T): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL if it has not gone within a few seconds. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await killed(child);
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stop));
}

// Last resort on any exit path: nothing of ours outlives the bench.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
