// Serves the built screens and lists their URLs (the demo devices' links carry their well-known tokens).
import path from 'node:path';
import { SCREEN_PAGES } from '@yichuang/shared/admin';
import type { Device, HallConfig } from '@yichuang/shared/domain';
import express from 'express';
import { redirectToTicketPage, TICKET_PAGE_PATH } from '../kiosk/ticket-page.js';
import { demoToken } from '../security/device-tokens.js';
import { fileExists } from '../storage/files.js';
import { ANYONE } from './access.js';
import type { Routes } from './routes.js';

export interface ScreenLink {
  device: Device;
  path: string;
}

const APP_DIRS: Record<string, string> = { kiosk: 'kiosk/dist', window: 'window-client/dist', console: 'hub/console/dist' };

/** Links for the demo devices (still paired with their public tokens) whose screen has been built. */
export function demoScreenLinks(config: HallConfig, repoRoot: string): ScreenLink[] {
  return config.devices.flatMap((device) => {
    const page = SCREEN_PAGES[device.role];
    const token = demoToken(device);
    if (!page || !token) return [];
    const [, app, file] = page.split('/');
    if (!fileExists(path.join(repoRoot, APP_DIRS[app!]!, file || 'index.html'))) return [];
    return [{ device, path: `${page}?token=${encodeURIComponent(token)}` }];
  });
}

export function screenRoutes(routes: Routes, repoRoot: string, links: () => ScreenLink[], hallName: () => string): void {
  // The address in a ticket's QR code (slip and e-ticket) opens the ticket's phone page.
  routes.get(TICKET_PAGE_PATH, ANYONE, redirectToTicketPage);
  for (const [app, dir] of Object.entries(APP_DIRS)) {
    routes.use(`/${app}`, express.static(path.join(repoRoot, dir), { index: 'index.html', maxAge: '1h' }));
  }
  // The screens name their icon; a browser on a page that names none (this list, the 404 page) asks here.
  routes.get('/favicon.ico', ANYONE, (_req, res) => res.type('image/svg+xml').sendFile(path.join(repoRoot, 'shared/assets/favicon.svg'), { maxAge: '1d' }));
  routes.get('/', ANYONE, (_req, res) => {
    const rows = links()
      .map((l) => `<li><a href="${l.path}">${escapeHtml(l.device.name)}</a> <code>${l.device.role}</code></li>`)
      .join('\n');
    res.type('html').send(
      `<!doctype html><meta charset="utf-8"><title>${escapeHtml(hallName())}</title>` +
        `<h1>${escapeHtml(hallName())} · 一窗</h1><p>演示设备屏幕 / Demo screens</p><ul>${rows}</ul>`,
    );
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
