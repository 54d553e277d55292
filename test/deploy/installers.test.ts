// The installers' dry runs: every step they would take, in order, with nothing changed on the
// machine; and the checks that stop an install before it starts.
import { existsSync } from 'node:fs';
import { chmod, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-hub.js';
import { runScript } from './run-script.js';

let dir = '';
beforeAll(async () => {
  dir = await tempDir('yichuang-installers-');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The commands a dry run printed, one per line, without the leading '+ '. */
const commands = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('+ ')).map((l) => l.slice(2));

function indexOf(lines: string[], pattern: RegExp): number {
  const i = lines.findIndex((l) => pattern.test(l));
  expect(i, `no line matches ${pattern}:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
  return i;
}

const CHANGED_BY_INSTALL = ['/opt/yichuang.new', '/etc/default/yichuang-hub', '/etc/systemd/system/yichuang-hub.service', '/etc/default/yichuang-agent'];

describe('install-hub.sh --dry-run', () => {
  it('prints packages, user, build, data folder, units and screen URLs, and changes nothing', async () => {
    const before = CHANGED_BY_INSTALL.map((f) => existsSync(f));
    const r = await runScript('install-hub.sh', ['--dry-run', '--screens', '--speech', '--port', '8090']);
    expect(r.code, r.stderr).toBe(0);
    expect(CHANGED_BY_INSTALL.map((f) => existsSync(f))).toEqual(before);

    expect(r.stdout).toMatch(/Debian packages: udev fonts-noto-cjk chromium(-browser)? speech-dispatcher speech-dispatcher-espeak-ng/);
    const lines = commands(r.stdout);
    const steps = [
      /^useradd --system .* yichuang$|^usermod -a -G dialout yichuang$/,
      /npm ci /,
      /npm run build$/,
      /npm prune --omit=dev/,
      /^mv \/opt\/yichuang\.new \/opt\/yichuang$/,
      /^install -d -o yichuang -g yichuang -m 750 \/var\/lib\/yichuang$/,
      /^install -m 644 \/opt\/yichuang\/deploy\/systemd\/yichuang-hub\.service \/etc\/systemd\/system\/yichuang-hub\.service$/,
      /^systemctl enable yichuang-hub\.service yichuang-backup\.timer$/,
      /^systemctl restart yichuang-hub\.service$/,
      /wait-health\.mjs http:\/\/127\.0\.0\.1:8090/,
    ];
    const at = steps.map((s) => indexOf(lines, s));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    if (!existsSync('/etc/default/yichuang-hub')) expect(r.stdout).toMatch(/^ {4}PORT=8090$/m);
    expect(r.stdout).toMatch(/http:\/\/\S+:8090\/kiosk\/\?token=demo-kiosk-1/);
    expect(r.stdout).toMatch(/http:\/\/\S+:8090\/kiosk\/board\.html\?token=demo-board-1/);
  });

  it('stops before anything is done when Node.js is older than 20.19, and says how to get it', async () => {
    const oldNode = path.join(dir, 'node18');
    await writeFile(oldNode, "#!/bin/sh\necho 18.19.1\n");
    await chmod(oldNode, 0o755);
    const r = await runScript('install-hub.sh', ['--dry-run', '--node', oldNode]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Node\.js 18\.19\.1 太旧，需要 ≥ 20\.19.*too old/);
    expect(r.stderr).toMatch(/apt-get install nodejs/);
    expect(commands(r.stdout)).toEqual([]);
  });

  it('writes a drop-in when Node or the app folder is not where the unit expects them', async () => {
    const r = await runScript('install-hub.sh', ['--dry-run', '--no-packages', '--no-start', '--app-dir', '/srv/yichuang', '--node', process.execPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('+ write /etc/systemd/system/yichuang-hub.service.d/install.conf');
    expect(r.stdout).toContain(`    ExecStart=${process.execPath} /srv/yichuang/hub/dist/main.js`);
    expect(commands(r.stdout).some((l) => l.startsWith('systemctl restart'))).toBe(false);
  });

  it('refuses a bad port or a relative folder', async () => {
    expect((await runScript('install-hub.sh', ['--dry-run', '--port', '70000'])).stderr).toMatch(/端口无效 \/ invalid port/);
    expect((await runScript('install-hub.sh', ['--dry-run', '--data', 'data'])).stderr).toMatch(/absolute/);
  });
});

describe('install-kiosk.sh --dry-run', () => {
  it('sets up the browser policy, the print agent with its udev rules, and the launcher at login', async () => {
    const r = await runScript('install-kiosk.sh', [
      'kiosk', '--hub', 'http://192.168.1.10:8080', '--token', 'demo-kiosk-1', '--user', 'nobody',
      '--printer', '/dev/yichuang-printer-1', '--agent-token', 'agent-kiosk-1', '--baud', '19200', '--dry-run', '--no-packages',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = commands(r.stdout);
    indexOf(lines, /^install -D -m 644 \S+\/deploy\/chromium\/yichuang-kiosk-policy\.json \/etc\/chromium\/policies\/managed\/yichuang-kiosk\.json$/);
    indexOf(lines, /npm run build$/);
    expect(r.stdout).toMatch(/^ {4}YICHUANG_PRINTER=\/dev\/yichuang-printer-1\n {4}YICHUANG_BAUD=19200\n {4}YICHUANG_AGENT_AUTH="--token agent-kiosk-1"$/m);
    indexOf(lines, /^install -m 644 \/opt\/yichuang\/deploy\/systemd\/yichuang-agent\.service \/etc\/systemd\/system\/yichuang-agent\.service$/);
    indexOf(lines, /^systemctl enable yichuang-agent\.service$/);
    expect(r.stdout).toContain(
      '    Exec="/opt/yichuang/deploy/launchers/launch-screen.sh" "kiosk" "--hub" "http://192.168.1.10:8080" "--token" "demo-kiosk-1"\n',
    );
  });

  it('lets a print agent without a token pair with a code, keeping its token in its state folder', async () => {
    const r = await runScript('install-kiosk.sh', [
      'kiosk', '--hub', 'http://192.168.1.10:8080', '--token', 'demo-kiosk-1', '--user', 'nobody', '--printer', '/dev/yichuang-printer-1', '--dry-run', '--no-packages',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {4}YICHUANG_AGENT_AUTH="--pair --token-file \/var\/lib\/yichuang\/agent-token"$/m);
    expect(r.stdout).toContain('配对码');
  });

  it('installs only the launcher on a board PC, with speech', async () => {
    const r = await runScript('install-kiosk.sh', ['board', '--hub', 'http://192.168.1.10:8080', '--token', 'demo-board-1', '--user', 'nobody', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Debian packages: chromium(-browser)? fonts-noto-cjk udev speech-dispatcher/);
    expect(r.stdout).not.toMatch(/npm ci|yichuang-agent/);
    indexOf(commands(r.stdout), /^cp -a \S+\/deploy \/opt\/yichuang\/$/);
  });

  it('checks the hub address and token before doing anything', async () => {
    const r = await runScript('install-kiosk.sh', ['pad', '--hub', 'hub:8080', '--token', 'demo-pad-01', '--user', 'nobody', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--hub must look like/);
    expect(commands(r.stdout)).toEqual([]);
  });
});

describe('upgrade.sh --dry-run', () => {
  it('builds while the hub runs, then stops it, backs up, swaps the app in and starts it', async () => {
    const r = await runScript('upgrade.sh', ['--dry-run', '--no-packages']);
    expect(r.code, r.stderr).toBe(0);
    const lines = commands(r.stdout);
    const order = [/npm run build$/, /^systemctl stop yichuang-hub\.service$/, /deploy\/backup\.sh --data /, /^mv \/opt\/yichuang\.new \/opt\/yichuang$/, /^systemctl start yichuang-hub\.service$/, /wait-health\.mjs/];
    const at = order.map((s) => indexOf(lines, s));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});
