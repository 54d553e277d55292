// Read-only REST of the kiosk domain, open to every device on the hall's LAN (no token): the guide
// catalogue for kiosks and phones, and a ticket's progress for its phone page. Nothing personal.
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import { searchItems } from '@yichuang/shared/kiosk';
import * as K from '@yichuang/shared/kiosk-schemas';
import type { Response } from 'express';
import { ANYONE } from '../http/access.js';
import { parseOr400 } from '../http/parse.js';
import type { Routes } from '../http/routes.js';
import type { ItemCatalogue } from './catalogue.js';
import { ticketFollow, type FollowSource } from './follow.js';

export interface KioskRouteDeps {
  catalogue: ItemCatalogue;
  follow: () => FollowSource;
  /** http://host:port phones reach the hub at. */
  phoneBase: () => string;
}

const STATUS: Partial<Record<AppError['code'], number>> = { UNKNOWN_ITEM: 404, UNKNOWN_TICKET: 404, TICKET_NOT_TODAY: 410 };

export function kioskRoutes(routes: Routes, { catalogue, follow, phoneBase }: KioskRouteDeps): void {
  const reply = <T>(res: Response, ack: Ack<T>): void => {
    if (ack.ok) res.json(ack);
    else res.status(STATUS[ack.error.code] ?? 400).json(ack);
  };

  routes.get('/kiosk/items', ANYONE, (req, res) => {
    const all = catalogue.catalogue(phoneBase());
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 40) : '';
    reply(res, { ok: true, data: q ? { ...all, items: searchItems(all.items, q) } : all });
  });

  routes.get('/kiosk/items/:id', ANYONE, (req, res) => {
    const item = catalogue.item(req.params.id);
    reply(res, item ? { ok: true, data: item } : { ok: false, error: appError('UNKNOWN_ITEM', { itemId: req.params.id.slice(0, 64) }) });
  });

  routes.get('/kiosk/follow/:number', ANYONE, (req, res) => {
    const query = parseOr400(K.followQuery, { number: req.params.number, d: req.query.d }, res);
    if (!query) return;
    res.set('Cache-Control', 'no-store');
    reply(res, ticketFollow(follow(), query.number, query.d));
  });
}
