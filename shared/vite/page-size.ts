// gzip size of what a built page loads: the scripts and styles its HTML names plus every chunk those
// scripts import statically. Lazy import() chunks are left out: the page runs without them.
// The build reports it for every page; the benchmark records it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageBundle {
  /** e.g. 'kiosk/board.html'. */
  page: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** Pages docs/design.md §8 sets a gzip target for (KB): the kiosk and the hall board. */
export const PAGE_TARGETS_KB: Readonly<Record<string, number>> = { 'kiosk/index.html': 60, 'kiosk/board.html': 60 };

/** gzip KB to one decimal, as the build and the benchmark report it. */
export const gzipKb = (b: PageBundle): number => Math.round((b.gzipBytes / 1024) * 10) / 10;

const ASSET_IN_HTML = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g;
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.(?:js|css))["']/g;

/** The page `page` (an HTML file name) of the app built into `dist`, named `${label}/${page}`. */
export async function pageBundle(dist: string, page: string, label: string): Promise<PageBundle> {
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
