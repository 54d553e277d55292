// The one Vite configuration of the three screen apps (kiosk, window-client, hub/console); each app's
// vite.config.ts names only its base path and its HTML pages. Vite bundles the config, so this file is
// imported by a relative path and keeps its own import.meta.url.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { gzipKb, pageBundle, PAGE_TARGETS_KB } from './page-size.js';

const shared = (p: string): string => fileURLToPath(new URL(`../src/${p}`, import.meta.url));
/** The hub to proxy socket.io to in `vite dev` (the built pages are served by the hub itself). */
const hub = process.env.HUB_URL ?? 'http://localhost:8080';
const proxy = { '/socket.io': { target: hub, ws: true } };

export interface AppOptions {
  /** The app's vite.config.ts `import.meta.url`: its pages are found beside it. */
  configUrl: string;
  /** Where the hub serves the built app, e.g. '/kiosk/'. */
  base: string;
  /** The app's HTML pages by name (absent: index.html alone, Vite's default). */
  pages?: readonly string[];
}

export function appConfig({ configUrl, base, pages }: AppOptions): UserConfig {
  const input = pages && Object.fromEntries(pages.map((name) => [name, fileURLToPath(new URL(`${name}.html`, configUrl))]));
  return defineConfig({
    base,
    plugins: [svelte(), pageSizes(fileURLToPath(new URL('dist/', configUrl)), path.dirname(fileURLToPath(configUrl)))],
    resolve: {
      // Screens use the shared sources directly, so shared/ need not be built first.
      alias: [
        { find: /^@yichuang\/shared\/ui\/(.*)$/, replacement: shared('ui/$1') },
        { find: /^@yichuang\/shared\/(.*)$/, replacement: shared('$1.ts') },
      ],
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      ...(input && { rolldownOptions: { input } }),
    },
    server: { proxy },
    preview: { proxy },
  });
}

/** After a build: what each page loads, gzip, against its target where docs/design.md sets one. */
function pageSizes(dist: string, appDir: string): Plugin {
  const label = path.basename(appDir);
  return {
    name: 'yichuang-page-sizes',
    apply: 'build',
    async closeBundle() {
      const pages = (await readdir(dist)).filter((f) => f.endsWith('.html')).sort();
      for (const page of pages) {
        const b = await pageBundle(dist, page, label);
        const target = PAGE_TARGETS_KB[b.page];
        const verdict = target === undefined ? '' : gzipKb(b) <= target ? ` (target ≤ ${target} KB: met)` : ` (target ≤ ${target} KB: MISSED)`;
        console.log(`page ${b.page}: ${gzipKb(b)} KB gzip in ${b.files} files${verdict}`);
      }
    },
  };
}
