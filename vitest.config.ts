import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [{ find: /^@yichuang\/shared\/(.*)$/, replacement: fileURLToPath(new URL('./shared/src/$1.ts', import.meta.url)) }],
  },
  test: {
    include: ['shared/src/**/*.test.ts', 'hub/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/temp-folder.global.ts'],
    // The hall's clock is Asia/Shanghai; the machine's is not, so every test runs in UTC to prove it.
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    // Two files at a time on this two-core machine (the default takes one less than the cores): most of
    // a browser or hub test waits on another process. A third worker was faster (~50 s) but a pad test
    // timed out in one whole run under it: the suite gates every landing, so it stays at two.
    maxWorkers: 2,
    hookTimeout: 60_000,
    // Each file in a fresh worker. Sharing workers (isolate: false) ran the suite ~30 s faster, but in
    // its whole runs browser tests timed out under load that pass alone (README, Development: test suite
    // time); a file's leftovers (a hub's timers, a browser) cannot slow the next file this way.
    // Spies and stubbed globals and variables are put back after each test.
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
  },
});
