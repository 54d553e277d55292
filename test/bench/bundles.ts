// gzip size of what each built screen loads, for every HTML page of the built apps (see page-size.ts).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pageBundle, type PageBundle } from '../../shared/vite/page-size.js';
import { REPO_ROOT } from '../helpers/test-hub.js';

export type { PageBundle };

/** The built apps, by their dist folder; each is served under one URL prefix (its vite `base`). */
const APPS = ['kiosk/dist', 'window-client/dist', 'hub/console/dist'];

export async function pageBundles(): Promise<PageBundle[]> {
  const out: PageBundle[] = [];
  for (const app of APPS) {
    const dist = path.join(REPO_ROOT, app);
    const pages = (await readdir(dist).catch(() => [])).filter((f) => f.endsWith('.html')).sort();
    if (pages.length === 0) throw new Error(`${app} has no built pages: run \`npm run build\` first`);
    for (const page of pages) out.push(await pageBundle(dist, page, app.split('/')[0] === 'hub' ? 'console' : app.split('/')[0]!));
  }
  return out;
}
