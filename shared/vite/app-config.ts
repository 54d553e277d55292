// The one Vite configuration of the three screen apps (kiosk, window-client, hub/console); each app's
// vite.config.ts names only its base path and its HTML pages. Vite bundles the config, so this file is
// imported by a relative path and keeps its own import.meta.url.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type UserConfig } from 'vite';

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
    plugins: [svelte()],
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
