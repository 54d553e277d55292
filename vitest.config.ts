import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [{ find: /^@yichuang\/shared\/(.*)$/, replacement: fileURLToPath(new URL('./shared/src/$1.ts', import.meta.url)) }],
  },
  test: {
    include: ['shared/src/**/*.test.ts', 'hub/src/**/*.test.ts', 'test/**/*.test.ts'],
    // The hall's clock is Asia/Shanghai; the machine's is not, so every test runs in UTC to prove it.
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    // Two files at a time on this two-core machine (the default takes one less than the cores): most
    // of a browser or hub test is waiting on another process, so the suite runs in ~270 s, not ~375 s.
    maxWorkers: 2,
    hookTimeout: 60_000,
    // One module graph per worker, not per file: each file paid ~1–2 s re-importing the hub's modules.
    // Safe because the hub keeps no singletons and tests leave no process state behind; spies are
    // restored before the next test so none outlives its file.
    isolate: false,
    restoreMocks: true,
  },
});
