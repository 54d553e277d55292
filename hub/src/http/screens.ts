// Serves the built screens and lists their URLs (the demo devices' links carry their tokens).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import express, { Router } from 'express';

export interface ScreenLink {
  device: Device;
  path: string;
}

/** Where each role's screen is; a print agent has none. */
const PAGES: Partial<Record<Device['role'], { app: string; page: string }>> = {
  kiosk: { app: 'kiosk', page: '' },
  board: { app: 'kiosk', page: 'board.html' },
  display: { app: 'kiosk', page: 'display.html' },
  window: { app: 'window', page: '' },
  pad: { app: 'window', page: 'pad.html' },
  console: { app: 'console', page: '' },
};

const APP_DIRS: Record<string, string> = { kiosk: 'kiosk/dist', window: 'window-client/dist', console: 'hub/console/dist' };

/** Links for the demo devices whose screen has been built. */
export function demoScreenLinks(config: HallConfig, repoRoot: string): ScreenLink[] {
  return config.devices.flatMap((device) => {
    const screen = PAGES[device.role];
    if (!screen) return [];
    const { app, page } = screen;
    const file = path.join(repoRoot, APP_DIRS[app]!, page || 'index.html');
    if (!device.demo || !existsSync(file)) return [];
    return [{ device, path: `/${app}/${page}?token=${encodeURIComponent(device.token)}` }];
  });
}

export function screensRouter(repoRoot: string, links: () => ScreenLink[], hallName: () => string): Router {
  const router = Router();
  for (const [app, dir] of Object.entries(APP_DIRS)) {
    router.use(`/${app}`, express.static(path.join(repoRoot, dir), { index: 'index.html', maxAge: '1h' }));
  }
  router.get('/', (_req, res) => {
    const rows = links()
      .map((l) => `<li><a href="${l.path}">${escapeHtml(l.device.name)}</a> <code>${l.device.role}</code></li>`)
      .join('\n');
    res.type('html').send(
      `<!doctype html><meta charset="utf-8"><title>${escapeHtml(hallName())}</title>` +
        `<h1>${escapeHtml(hallName())} · 一窗</h1><p>演示设备屏幕 / Demo screens</p><ul>${rows}</ul>`,
    );
  });
  return router;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
