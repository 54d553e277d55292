// The screen launcher: its dry-run prints the exact command it runs (checked against a stub
// browser that records what it was started with), the right page and flags per role, the crash
// loop, and clear refusals of bad input.
import { spawn, spawnSync } from 'node:child_process';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-hub.js';
import { DEPLOY, runScript, shellWords } from './run-script.js';

const HUB = 'http://192.168.1.10:8080';
const FALLBACK = `file://${DEPLOY}/launchers/fallback.html`;
let dir = '';
let stub = '';

// Chromium refuses root, and so does the launcher: run it as nobody when the tests run as root.
const asUser = (args: string[]): string[] => (process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--', ...args] : args);

beforeAll(async () => {
  dir = await tempDir('yichuang-launcher-');
  await chmod(dir, 0o777);
  // Records its arguments (NUL-separated, one run per file) and exits with $STUB_EXIT.
  stub = path.join(dir, 'browser');
  await writeFile(stub, `#!/bin/sh\nprintf '%s\\0' "$@" > "${dir}/run.$$"\nexit "\${STUB_EXIT:-0}"\n`);
  await chmod(stub, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function launch(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cmd = asUser(['bash', path.join(DEPLOY, 'launchers/launch-screen.sh'), ...args]);
  return spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

async function runs(): Promise<string[][]> {
  const ls = spawnSync('sh', ['-c', `ls ${dir}/run.* 2>/dev/null`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return Promise.all(ls.map(async (f) => (await readFile(f, 'utf8')).split('\0').slice(0, -1)));
}

describe('launch-screen.sh', () => {
  it('dry-run prints, per role, the browser command with the screen page behind the local fallback page', async () => {
    const pages = { kiosk: '/kiosk/', board: '/kiosk/board.html', display: '/kiosk/display.html', pad: '/window/pad.html', window: '/window/' };
    for (const [role, page] of Object.entries(pages)) {
      const r = await runScript('launchers/launch-screen.sh', [role, '--hub', `${HUB}/`, '--token', `demo-${role}-1`, '--browser', 'chromium', '--dry-run']);
      expect(r.code, r.stderr).toBe(0);
      const words = shellWords(r.stdout.trim());
      expect(words[0]).toBe('chromium');
      for (const flag of ['--no-first-run', '--autoplay-policy=no-user-gesture-required', '--enable-speech-dispatcher', '--disable-pinch', '--disable-background-networking', '--noerrdialogs']) {
        expect(words).toContain(flag);
      }
      expect(words).not.toContain('--no-sandbox');
      const entry = `${FALLBACK}#${HUB}${page}?token=demo-${role}-1`;
      if (role === 'window') {
        expect(words).toContain(`--app=${entry}`);
        expect(words).not.toContain('--kiosk');
      } else {
        expect(words).toContain('--kiosk');
        expect(words.at(-1)).toBe(entry);
      }
    }
  });

  it('runs exactly the command its dry-run prints', async () => {
    const args = ['board', '--hub', HUB, '--token', 'demo-board-1', '--browser', stub, '--profile', path.join(dir, 'profile'), '--position', '1920,0'];
    const browserFlags = ['--', '--lang=zh-CN'];
    const dry = await runScript('launchers/launch-screen.sh', [...args, '--dry-run', ...browserFlags]);
    expect(dry.code, dry.stderr).toBe(0);
    const child = launch([...args, '--once', ...browserFlags]);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const [browser, ...flags] = shellWords(dry.stdout.trim());
    expect(browser).toBe(stub);
    expect(await runs()).toEqual([flags]);
  });

  it('starts the browser again when it exits', async () => {
    spawnSync('sh', ['-c', `rm -f ${dir}/run.*`]);
    const child = launch(['kiosk', '--hub', HUB, '--token', 'demo-kiosk-1', '--browser', stub, '--profile', path.join(dir, 'profile-loop')], { STUB_EXIT: '1' });
    let log = '';
    child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    await expect.poll(async () => (await runs()).length >= 3, { timeout: 20_000, interval: 200 }).toBe(true);
    process.kill(-child.pid!, 'SIGTERM');
    expect(log).toMatch(/browser exited \(code 1\), restarting in \d+ s/);
  });

  it('refuses bad input with a message in Chinese and English', async () => {
    const cases: [string[], RegExp][] = [
      [['lobby', '--hub', HUB, '--token', 't'], /未知的屏幕类型 \/ unknown role/],
      [['kiosk', '--hub', '192.168.1.10:8080', '--token', 't'], /hub 地址.*\/ --hub must look like/],
      [['kiosk', '--hub', HUB, '--token', 'a b&c'], /设备令牌.*\/ --token/],
      [['kiosk', '--hub', HUB], /设备令牌.*\/ --token is missing/],
      [['kiosk', '--hub', HUB, '--token', 't', '--position', 'left'], /--position/],
    ];
    for (const [args, message] of cases) {
      const r = await runScript('launchers/launch-screen.sh', [...args, '--dry-run']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it.skipIf(process.getuid?.() !== 0)('refuses to start a browser as root (it would need --no-sandbox)', async () => {
    const r = await runScript('launchers/launch-screen.sh', ['kiosk', '--hub', HUB, '--token', 't', '--browser', stub, '--once', '--profile', path.join(dir, 'p-root')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not root/);
  });
});
