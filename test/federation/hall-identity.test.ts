// --hall-id, --hall-name, --hall-level name the demo hall seeded into an empty data folder, so a demo
// district has halls of its own; --federate / YICHUANG_FEDERATE must be a postgres:// URL (issue 21).
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { OptionsError, readOptions } from '../../hub/src/config.js';
import { startHub } from '../../hub/src/hub.js';
import { REPO_ROOT, tempDir } from '../helpers/test-hub.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const refusal = (argv: string[], env: NodeJS.ProcessEnv = {}): string => {
  try {
    readOptions(argv, env, REPO_ROOT);
  } catch (err) {
    if (err instanceof OptionsError) return err.message;
    throw err;
  }
  throw new Error('accepted');
};

it('reads the hall identity and the district URL, refusing bad ones in both languages', () => {
  const options = readOptions(['--hall-id', 'jiangbei-street', '--hall-name', '江北街道便民服务中心', '--hall-level', 'street'], { YICHUANG_FEDERATE: 'postgres://hub@db.district:5432/yichuang' }, REPO_ROOT);
  expect(options.demoIdentity).toEqual({ id: 'jiangbei-street', name: '江北街道便民服务中心', level: 'street' });
  expect(options.federate).toEqual({ url: 'postgres://hub@db.district:5432/yichuang' });
  expect(readOptions(['--federate', 'postgresql://x@h/db'], { YICHUANG_FEDERATE: 'postgres://ignored@h/db' }, REPO_ROOT).federate?.url).toBe('postgresql://x@h/db');
  expect(readOptions([], {}, REPO_ROOT)).not.toHaveProperty('federate');

  expect(refusal(['--federate', 'http://db.district/'])).toMatch(/须为 postgres:\/\/ 地址.*must be a postgres:\/\/ URL/);
  expect(refusal(['--hall-id', 'Bad Id'])).toMatch(/小写字母.*lower-case letters/);
  expect(refusal(['--hall-id', 'ok', '--hall-level', 'county'])).toMatch(/层级无效.*invalid hall level: county/);
  expect(refusal(['--hall-name', '某中心'])).toMatch(/须与 --hall-id 同时给出.*give --hall-id/);
});

it('seeds an empty data folder with the named hall, and leaves a folder that has one as it is', async () => {
  const dataDir = await tempDir('yichuang-identity-');
  dirs.push(dataDir);
  const logs: string[] = [];
  const start = (id: string) =>
    startHub(
      { port: 0, host: '127.0.0.1', dataDir, screensDir: REPO_ROOT, version: 'test', demoIdentity: { id, name: `${id} 便民服务站`, level: 'station' } },
      { clock: Date.now, log: (l) => logs.push(l) },
    );
  const hub = await start('lakeside-station');
  const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { hall: string };
  expect(health.hall).toBe('lakeside-station');
  await hub.close();
  const config = JSON.parse(await readFile(path.join(dataDir, 'config.json'), 'utf8'));
  expect(config.hall).toMatchObject({ id: 'lakeside-station', name: 'lakeside-station 便民服务站', level: 'station' });

  const again = await start('another-id');
  await again.close();
  expect(JSON.parse(await readFile(path.join(dataDir, 'config.json'), 'utf8')).hall.id).toBe('lakeside-station');
  expect(logs.join('\n')).toMatch(/--hall-id another-id 未使用.*not used: the data folder already holds hall lakeside-station/);
});
