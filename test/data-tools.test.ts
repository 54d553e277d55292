// The tools that work on a hall's data folder (stats:rebuild, the console password tool, journal:check) read --data
// as the hub does, and refuse a folder that holds no hall: a mistyped path gets no demo hall with
// public device tokens, and nothing is written there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers/test-hub.js';

const TOOLS = [
  ['stats:rebuild', 'hub/dist/stats/rebuild-cli.js', []],
  ['admin:password', 'hub/dist/admin/password-cli.js', ['--staff', '0002', '--admin']],
  ['journal:check', 'hub/dist/admin/journal-check-cli.js', ['--repair']],
] as const;

describe.each(TOOLS)('%s', (_name, script, own) => {
  it('refuses an empty folder and a mistyped one, in both languages, before asking anything, and writes nothing', async () => {
    const empty = await tempDir();
    const mistyped = path.join(empty, 'dta');
    for (const [args, env] of [
      [['--data', empty], {}],
      [['--data', mistyped], {}],
      [[], { YICHUANG_DATA: mistyped }],
    ] as const) {
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args, ...own], {
        input: 'a-strong-password-2026\n',
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/中没有大厅数据.*no hall in /s);
      expect(r.stderr).not.toMatch(/new password/);
    }
    expect(await readdir(empty)).toEqual([]);
    expect(existsSync(mistyped)).toBe(false);
  });
});
