// REST endpoints for the printers (under /api/printing), for managers' tools and scripts. They read
// and change printer settings, so they need a manager: the hub's REST access rules (http/access.ts)
// ask for a console session, or a demo console's token as `Authorization: Bearer <token>`.
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import * as P from '@yichuang/shared/printing-schemas';
import { Router, type Response } from 'express';
import { parseOr400 } from '../http/parse.js';
import type { PrintingComponents } from './handlers.js';
import { listSerialPorts } from './serial-ports.js';

const STATUS: Partial<Record<AppError['code'], number>> = { UNKNOWN_PRINTER: 404, UNKNOWN_KIOSK: 400, KIOSK_HAS_PRINTER: 409, STORAGE_FAILED: 500 };

export function printingRoutes(c: PrintingComponents): Router {
  const router = Router();
  const fail = (res: Response, status: number, error: AppError): void => void res.status(status).json({ ok: false, error });
  const reply = <T>(res: Response, ack: Ack<T>): void => {
    if (ack.ok) res.json(ack);
    else fail(res, STATUS[ack.error.code] ?? 400, ack.error);
  };

  router.get('/printing', (_req, res) => void res.json({ ok: true, data: { ...c.settings.view(), states: c.fleet.states() } }));
  router.get('/printing/unprinted', (_req, res) => void res.json({ ok: true, data: c.slips.unprinted() }));
  router.get('/printing/ports', async (_req, res) => {
    try {
      res.json({ ok: true, data: await listSerialPorts() });
    } catch {
      fail(res, 500, appError('INTERNAL'));
    }
  });
  router.put('/printing/printers/:id', async (req, res) => {
    const printer = parseOr400(P.printerConfig, { ...(req.body as object | undefined), id: req.params.id }, res);
    if (printer) reply(res, await c.settings.savePrinter(printer));
  });
  router.delete('/printing/printers/:id', async (req, res) => reply(res, await c.settings.removePrinter(req.params.id)));
  router.put('/printing/layout', async (req, res) => {
    const layout = parseOr400(P.ticketLayout, req.body, res);
    if (layout) reply(res, await c.settings.saveLayout(layout));
  });
  return router;
}
