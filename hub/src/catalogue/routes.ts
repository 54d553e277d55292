// REST of the catalogue: read, edit, import and export, for the hall's admins (the kiosk's guide and
// the window's 事项 picker read it through the kiosk domain's open /kiosk/items).
import { appError } from '@yichuang/shared/errors';
import express, { type Response } from 'express';
import type { Ack } from '@yichuang/shared/errors';
import { callerIn, type Access } from '../http/access.js';
import type { Routes } from '../http/routes.js';
import { catalogueJson, catalogueXlsx } from './catalogue-file.js';
import type { CatalogueService } from './catalogue-service.js';

/** The catalogue is hall configuration: admins keep it. */
const ADMINS: Access = { who: ['admin'] };
/** An import file at most (a province's whole 实施清单 for one hall is well under this). */
const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function reply<T>(res: Response, ack: Ack<T>): void {
  if (ack.ok) res.json(ack);
  else res.status(ack.error.code === 'UNKNOWN_ITEM' ? 404 : ack.error.code === 'ITEM_CODE_TAKEN' ? 409 : 400).json(ack);
}

export function catalogueRoutes(routes: Routes, catalogue: CatalogueService, hallName: () => string): void {
  routes.get('/catalogue', ADMINS, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, data: catalogue.current() });
  });
  routes.post('/catalogue/items', ADMINS, async (req, res) => reply(res, await catalogue.save(req.body, callerIn(res).actor)));
  routes.put('/catalogue/items/:code', ADMINS, async (req, res) => reply(res, await catalogue.save(req.body, callerIn(res).actor, req.params.code)));
  routes.delete('/catalogue/items/:code', ADMINS, async (req, res) => reply(res, await catalogue.remove(req.params.code, callerIn(res).actor)));
  // The body is the file itself, XLSX or JSON, sent as application/octet-stream (a small JSON sent as
  // application/json was parsed already by the app's JSON reader, and is taken as it is).
  routes.post('/catalogue/import', ADMINS, express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }), async (req, res) => {
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? body : body && typeof body === 'object' ? Buffer.from(JSON.stringify(body)) : undefined;
    if (!bytes?.length) {
      res.status(400).json({ ok: false, error: appError('CATALOGUE_FILE_UNREADABLE', { detail: { zh: '文件为空', en: 'the file is empty' } }) });
      return;
    }
    reply(res, await catalogue.import(bytes, callerIn(res).actor));
  });
  routes.get('/catalogue/export.:format', ADMINS, async (req, res) => {
    const name = (ext: string) => `attachment; filename*=UTF-8''${encodeURIComponent(`${hallName()}-事项目录.${ext}`)}`;
    if (req.params.format === 'xlsx') {
      res.type(XLSX_TYPE).setHeader('Content-Disposition', name('xlsx'));
      res.send(await catalogueXlsx(catalogue.current()));
    } else if (req.params.format === 'json') {
      res.type('application/json; charset=utf-8').setHeader('Content-Disposition', name('json'));
      res.send(catalogueJson(catalogue.current()));
    } else {
      res.status(404).json({ ok: false, error: appError('NOT_FOUND', { path: req.path }) });
    }
  });
}
