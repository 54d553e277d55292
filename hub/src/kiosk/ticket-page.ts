// GET /t/<number>/<day>/<signature> — the address in a ticket's QR code — opens the ticket's phone
// page. The path form keeps the QR code small (the slip stays under 300 bytes); the older
// /t/<number>?d=<day> still opens the page, without the right to rate.
import { day, linkSignature, ticketNumber } from '@yichuang/shared/schemas';
import type { Request, Response } from 'express';
import type { z } from 'zod';

/** Express 5 path of the route. */
export const TICKET_PAGE_PATH = '/t/:number{/:day}{/:signature}';

/** The value as the schema reads it, or '' for anything else: nothing unchecked reaches the page's address. */
const valid = (schema: z.ZodType<string, unknown>, value: unknown): string => schema.safeParse(value).data ?? '';

export function redirectToTicketPage(req: Request, res: Response): void {
  const number = valid(ticketNumber, req.params.number);
  const d = valid(day, req.params.day ?? req.query.d);
  const signature = valid(linkSignature, req.params.signature);
  if (!number) {
    res.redirect(302, '/kiosk/ticket.html');
    return;
  }
  res.redirect(302, `/kiosk/ticket.html?n=${number}${d && `&d=${d}`}${d && signature && `&s=${signature}`}`);
}
