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
    // Three files at a time on this two-core machine: most of a browser or hub test waits on another
    // process or a real-time timer, so two files kept the cores about a third busy (CPU 275 s in a
    // 380 s run); a third file fills the waits (README, Development: test suite time).
    maxWorkers: 3,
    hookTimeout: 60_000,
    // One module graph per worker, not per file: each file paid ~1–2 s re-importing the hub's modules.
    // Safe because the hub keeps no singletons; what a test changes in the process is put back (spies,
    // stubbed globals and variables after each test, timers and the environment after each file).
    isolate: false,
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
    setupFiles: ['test/helpers/shared-worker.ts'],
  },
});
