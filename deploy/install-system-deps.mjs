#!/usr/bin/env node
// Runs after `npm install`: installs the Debian packages the hub and its tests use
// (Chromium for screens, CJK fonts, socat for virtual printers, udev for serial port listing,
// shellcheck for the deploy scripts' test, PostgreSQL for the district federation and its tests).
// As root it installs what is missing; otherwise it says what to install. Never fails the npm install.
import { execFileSync, spawnSync } from 'node:child_process';

const PACKAGES = ['chromium', 'fonts-noto-cjk', 'socat', 'udev', 'shellcheck', 'postgresql'];

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function main() {
  if (process.env.YICHUANG_SKIP_SYSTEM_DEPS === '1') return;
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    console.log(`[一窗] 非 Debian 系统，请自行安装 / not Debian; install yourself: ${PACKAGES.join(' ')}`);
    return;
  }
  const missing = PACKAGES.filter((p) => !installed(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.log(`[一窗] 缺少系统软件包 / missing Debian packages: ${missing.join(' ')}`);
    console.log(`       请运行 / run: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  console.log(`[一窗] 安装系统软件包 / installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt and dpkg talk a lot even with -qq: keep their output, and show it only when they fail.
  const quiet = { stdio: ['ignore', 'pipe', 'pipe'], env, encoding: 'utf8' };
  try {
    execFileSync('apt-get', ['update', '-qq'], quiet);
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], quiet);
  } catch (err) {
    console.log(`[一窗] 安装失败 / install failed: ${err.message}`);
    console.log(`${err.stdout ?? ''}${err.stderr ?? ''}`.split('\n').slice(-15).join('\n'));
  }
}

main();
