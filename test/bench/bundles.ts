// gzip size of what each built screen loads: for every HTML page of the built apps, the scripts and
// styles it names plus every chunk those scripts import statically. Lazy import() chunks are left out:
// the page runs without them.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../helpers/test-hub.js';

export interface PageBundle {
  /** e.g. 'kiosk/board.html'. */
  page: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** The built apps, by their dist folder; each is served under one URL prefix (its vite `base`). */
const APPS = ['kiosk/dist', 'window-client/dist', 'hub/console/dist'];

const ASSET_IN_HTML = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g;
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.(?:js|css))["']/g;

export async function pageBundles(): Promise<PageBundle[]> {
  const out: PageBundle[] = [];
  for (const app of APPS) {
    const dist = path.join(REPO_ROOT, app);
    const pages = (await readdir(dist).catch(() => [])).filter((f) => f.endsWith('.html')).sort();
    if (pages.length === 0) throw new Error(`${app} has no built pages: run \`npm run build\` first`);
    for (const page of pages) out.push(await bundleOf(dist, page, app.split('/')[0] === 'hub' ? 'console' : app.split('/')[0]!));
  }
  return out;
}

async function bundleOf(dist: string, page: string, label: string): Promise<PageBundle> {
  const html = await readFile(path.join(dist, page), 'utf8');
  // '/kiosk/assets/x.js' → <dist>/assets/x.js: the first path segment is the app's URL prefix.
  const files = new Set([...html.matchAll(ASSET_IN_HTML)].map((m) => path.join(dist, m[1]!.startsWith('/') ? m[1]!.split('/').slice(2).join('/') : m[1]!)));
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const code = await readFile(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) files.add(path.resolve(path.dirname(file), m[1]!));
  }
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(file);
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { page: `${label}/${page}`, files: files.size, bytes, gzipBytes };
}
