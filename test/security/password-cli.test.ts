// The bootstrap for a hall where nobody can sign in at a console: with the hub stopped, an operator
// sets a password (read from stdin) for a staff number, optionally with the admin role. Built script.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../hub/src/demo/demo-hall.js';
import { dataFolder } from '../../hub/src/storage/data-folder.js';
import { REPO_ROOT, startTestHub, tempDir } from '../helpers/test-hub.js';
import { signIn } from './helpers.js';

const cli = (args: string[], input: string) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'hub/dist/admin/password-cli.js'), ...args], { input, encoding: 'utf8' });

describe('password-cli', () => {
  it('sets a console password the hub then accepts, and refuses weak ones and accounts without a console role', async () => {
    const dataDir = await tempDir();
    await writeFile(dataFolder(dataDir).config, JSON.stringify(await demoHall()));
    expect(cli(['--data', dataDir, '--staff', '0101'], 'too-short\n')).toMatchObject({ status: 1, stderr: expect.stringMatching(/至少 10 位/) });
    expect(cli(['--data', dataDir, '--staff', '0101'], 'window-staff-2026\n')).toMatchObject({ status: 1, stderr: expect.stringMatching(/add --admin/) });
    expect(cli(['--data', dataDir, '--staff', '0101', '--admin'], 'window-staff-2026\n')).toMatchObject({ status: 0 });

    const t = await startTestHub({ dataDir });
    try {
      expect((await signIn(t.hub.url, 'demo-console-1', '0101', 'window-staff-2026')).body).toMatchObject({ ok: true, data: { roles: ['admin'] } });
    } finally {
      await t.close();
    }
  });
});
