// A config.json that does not match the configuration's schema: the built hub refuses to start,
// saying in both languages which field is wrong, without a stack trace, and leaves the file as it was.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedAllDayHall, startHubProcess } from './helpers/hub-process.js';
import { tempDir } from './helpers/test-hub.js';

let dataDir = '';
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a config.json with a bad field', () => {
  it('stops the hub with a message naming the field', async () => {
    dataDir = await tempDir('yichuang-bad-config-');
    const config = await seedAllDayHall(dataDir);
    Object.assign(config.windows[1]!, { kind: 'corner' });
    const file = path.join(dataDir, 'config.json');
    await writeFile(file, JSON.stringify(config));

    const refused = await startHubProcess(dataDir).then(
      () => new Error('the hub started'),
      (err: Error) => err,
    );
    expect(refused.message).toMatch(/^hub exited with 1/);
    expect(refused.message).toMatch(/windows\[1\]\.kind 无效.*windows\[1\]\.kind is invalid/s);
    expect(refused.message).not.toMatch(/^\s+at /m);
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(config));
  });
});
