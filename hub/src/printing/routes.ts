// REST endpoints for the printers (under /api/printing), for managers' tools and scripts. They read
// and change printer settings, so they need a manager (http/access.ts): a console session, or a
// demo console's token as `Authorization: Bearer <token>`.
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import * as P from '@yichuang/shared/printing-schemas';
import type { Response } from 'express';
import { callerIn, MANAGERS } from '../http/access.js';
import { parseOr400 } from '../http/parse.js';
import type { Routes } from '../http/routes.js';
import type { PrintingComponents } from './handlers.js';
import { listSerialPorts } from './serial-ports.js';

const STATUS: Partial<Record<AppError['code'], number>> = { UNKNOWN_PRINTER: 404, UNKNOWN_KIOSK: 400, KIOSK_HAS_PRINTER: 409, STORAGE_FAILED: 500 };

export function printingRoutes(routes: Routes, c: PrintingComponents): void {
  const fail = (res: Response, status: number, error: AppError): void => void res.status(status).json({ ok: false, error });
  const reply = <T>(res: Response, ack: Ack<T>): void => {
    if (ack.ok) res.json(ack);
    else fail(res, STATUS[ack.error.code] ?? 400, ack.error);
  };

  routes.get('/printing', MANAGERS, (_req, res) => void res.json({ ok: true, data: { ...c.settings.view(), states: c.fleet.states() } }));
  routes.get('/printing/unprinted', MANAGERS, (_req, res) => void res.json({ ok: true, data: c.slips.unprinted() }));
  routes.get('/printing/ports', MANAGERS, async (_req, res) => {
    try {
      res.json({ ok: true, data: await listSerialPorts() });
    } catch {
      fail(res, 500, appError('INTERNAL'));
    }
  });
  routes.put('/printing/printers/:id', MANAGERS, async (req, res) => {
    const printer = parseOr400(P.printerConfig, { ...(req.body as object | undefined), id: req.params.id }, res);
    if (printer) reply(res, await c.settings.savePrinter(printer, callerIn(res).actor));
  });
  routes.delete('/printing/printers/:id', MANAGERS, async (req, res) => reply(res, await c.settings.removePrinter(req.params.id, callerIn(res).actor)));
  routes.put('/printing/layout', MANAGERS, async (req, res) => {
    const layout = parseOr400(P.ticketLayout, req.body, res);
    if (layout) reply(res, await c.settings.saveLayout(layout, callerIn(res).actor));
  });
}
