// backup.sh and restore.sh on a hand-made data folder: what a copy holds (a torn journal line cut,
// temp files left out, every other file kept), rotation, and the refusals that protect data.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-hub.js';
import { runScript } from './run-script.js';

let root = '';
let data = '';
let dest = '';
const JOURNAL = '{"seq":1}\n{"seq":2}\n';

beforeAll(async () => {
  root = await tempDir('yichuang-backup-script-');
  data = path.join(root, 'data');
  dest = path.join(root, 'backups');
  await mkdir(path.join(data, 'journal'), { recursive: true });
  await mkdir(path.join(data, 'backups'), { recursive: true });
  await writeFile(path.join(data, 'config.json'), '{"schemaVersion":3}');
  await writeFile(path.join(data, 'journal/2026-11-22.jsonl'), JOURNAL);
  // The newest day caught mid-write: its last line has no newline yet.
  await writeFile(path.join(data, 'journal/2026-11-23.jsonl'), `${JOURNAL}{"seq":3,"ev`);
  await writeFile(path.join(data, '.config.json.tmp'), '{"half');
  await writeFile(path.join(data, 'boards.json'), '{"boards":[]}');
  await writeFile(path.join(data, 'backups/config.v2.2026-11-01.json'), '{"schemaVersion":2}');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const backup = async (...args: string[]): Promise<string> => {
  const r = await runScript('backup.sh', ['--data', data, '--dest', dest, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').at(-1)!;
};

const listing = (archive: string): string[] =>
  execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/')).sort();

describe('backup.sh', () => {
  it('copies every file but temp files, and cuts a journal line caught mid-write', async () => {
    const archive = await backup();
    expect(listing(archive)).toEqual(
      ['./BACKUP-INFO.txt', './MANIFEST.sha256', './data/backups/config.v2.2026-11-01.json', './data/boards.json', './data/config.json', './data/journal/2026-11-22.jsonl', './data/journal/2026-11-23.jsonl'],
    );
    const newest = execFileSync('tar', ['-xzOf', archive, './data/journal/2026-11-23.jsonl'], { encoding: 'utf8' });
    expect(newest).toBe(JOURNAL);
  });

  it('keeps the newest N archives', async () => {
    for (let i = 0; i < 3; i++) await backup('--keep', '2');
    const kept = (await readdir(dest)).filter((f) => f.endsWith('.tar.gz'));
    expect(kept).toHaveLength(2);
    expect(kept.some((f) => f.includes('partial'))).toBe(false);
  });

  it('refuses a folder that is not a hub data folder, and a backup folder inside the data', async () => {
    const notData = await runScript('backup.sh', ['--data', root, '--dest', dest]);
    expect(notData.code).toBe(1);
    expect(notData.stderr).toMatch(/没有 config.json.*no config.json/);
    const inside = await runScript('backup.sh', ['--data', data, '--dest', path.join(data, 'copies')]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/must not be inside the data folder/);
  });
});

describe('restore.sh', () => {
  it('refuses a non-empty folder unless --force, which moves it aside rather than deleting it', async () => {
    const archive = await backup();
    const target = path.join(root, 'restore-target');
    await mkdir(target);
    await writeFile(path.join(target, 'config.json'), '{"schemaVersion":3,"mine":true}');
    const refused = await runScript('restore.sh', [archive, '--data', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/不是空目录.*--force/);

    const forced = await runScript('restore.sh', [archive, '--data', target, '--force', '--owner', os.userInfo().username]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(path.join(target, 'journal/2026-11-23.jsonl'), 'utf8')).toBe(JOURNAL);
    const aside = (await readdir(root)).find((f) => f.startsWith('restore-target.before-restore-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(root, aside!, 'config.json'), 'utf8')).toContain('"mine":true');
  });

  it('refuses a damaged archive and changes nothing', async () => {
    const archive = await backup();
    const work = path.join(root, 'tamper');
    await mkdir(work);
    execFileSync('tar', ['-xzf', archive, '-C', work]);
    await writeFile(path.join(work, 'data/config.json'), '{"schemaVersion":3,"tampered":true}');
    const bad = path.join(root, 'bad.tar.gz');
    execFileSync('tar', ['-czf', bad, '-C', work, '.']);
    const target = path.join(root, 'never-created');
    const r = await runScript('restore.sh', [bad, '--data', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/校验和不符.*checksums differ/);
    expect((await readdir(root)).filter((f) => f.startsWith('never-created') || f.startsWith('.yichuang-restore'))).toEqual([]);
  });
});
