// Serves the built district console (district/console/dist, `npm run build`) at /district/.
import { fileURLToPath } from 'node:url';
import express from 'express';

/** Beside src/ and dist/ alike, so the server finds it whether run built or from its sources (tests). */
const CONSOLE_DIR = fileURLToPath(new URL('../console/dist/', import.meta.url));

export function consolePages(): express.Router {
  const routes = express.Router();
  routes.get('/', (_req, res) => res.redirect('/district/'));
  routes.use('/district', express.static(CONSOLE_DIR, { index: 'index.html', maxAge: '1h', redirect: true }));
  return routes;
}
