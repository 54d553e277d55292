// Test files share a worker (vitest.config.ts: isolate: false), so what a file changed in the process is
// put back after it, before the next file runs: real timers, and the environment variables as they were.
import { afterAll, vi } from 'vitest';

const env = { ...process.env };

afterAll(() => {
  vi.useRealTimers();
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
});
