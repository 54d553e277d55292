// Every deploy script passes shellcheck, can be run as checked out, and every systemd unit is one
// that systemd accepts.
import { spawnSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY } from './run-script.js';

async function filesUnder(dir: string, suffixes: string[]): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && suffixes.some((s) => e.name.endsWith(s))).map((e) => path.join(e.parentPath, e.name));
}

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

const scripts = await filesUnder(DEPLOY, ['.sh']);
const units = await filesUnder(path.join(DEPLOY, 'systemd'), ['.service', '.timer']);

describe('deploy scripts', () => {
  it('are all found', () => {
    const names = scripts.map((s) => path.relative(DEPLOY, s));
    expect(names).toEqual(
      expect.arrayContaining(['install-hub.sh', 'install-kiosk.sh', 'backup.sh', 'restore.sh', 'upgrade.sh', 'launchers/launch-screen.sh', 'udev/add-printer.sh', 'lib/common.sh']),
    );
  });

  if (!has('shellcheck')) {
    console.warn('\n!!! shellcheck 不可用，跳过脚本检查 / shellcheck is NOT installed: the deploy scripts were NOT checked.');
    console.warn('!!! 安装 / install it: sudo apt-get install shellcheck (npm install does it as root)\n');
  }
  it.skipIf(!has('shellcheck'))('pass shellcheck', () => {
    const r = spawnSync('shellcheck', ['--external-sources', '--severity=style', ...scripts], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('can be run as checked out: a bash shebang and the executable bit (the sourced library excepted)', async () => {
    for (const script of scripts.filter((s) => !s.includes(`${path.sep}lib${path.sep}`))) {
      expect((await readFile(script, 'utf8')).split('\n')[0], script).toBe('#!/usr/bin/env bash');
      expect((await stat(script)).mode & 0o111, script).not.toBe(0);
    }
  });

  it.skipIf(!has('systemd-analyze'))('systemd units verify (apart from the app not being installed here)', () => {
    const r = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' });
    const problems = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => l.trim() && !/Command \/opt\/yichuang\/\S+ is not executable/.test(l));
    expect(problems).toEqual([]);
  });
});
