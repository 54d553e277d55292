import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
/** The hub to proxy socket.io to in `vite dev` (the built pages are served by the hub itself). */
const hub = process.env.HUB_URL ?? 'http://localhost:8080';

export default defineConfig({
  base: '/kiosk/',
  plugins: [svelte()],
  resolve: {
    // Screens use the shared sources directly, so shared/ need not be built first.
    alias: [
      { find: /^@yichuang\/shared\/ui\/(.*)$/, replacement: here('../shared/src/ui/$1') },
      { find: /^@yichuang\/shared\/(.*)$/, replacement: here('../shared/src/$1.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: here('index.html'),
        board: here('board.html'),
        display: here('display.html'),
        guide: here('guide.html'),
        ticket: here('ticket.html'),
        book: here('book.html'),
      },
    },
  },
  server: { proxy: { '/socket.io': { target: hub, ws: true } } },
  preview: { proxy: { '/socket.io': { target: hub, ws: true } } },
});
