// GET /t/<number>/<day>/<signature> — the address in a ticket's QR code — opens the ticket's phone
// page. The path form keeps the QR code small (the slip stays under 300 bytes); the older
// /t/<number>?d=<day> still opens the page, without the right to rate.
import type { Request, Response } from 'express';
import { SIGNATURE } from '../security/ticket-links.js';

/** Express 5 path of the route. */
export const TICKET_PAGE_PATH = '/t/:number{/:day}{/:signature}';

const NUMBER = /^[A-Za-z]{1,2}\d{3,4}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const valid = (value: unknown, pattern: RegExp): string => (typeof value === 'string' && pattern.test(value) ? value : '');

export function redirectToTicketPage(req: Request, res: Response): void {
  const number = valid(req.params.number, NUMBER);
  const day = valid(req.params.day ?? req.query.d, DAY);
  const signature = valid(req.params.signature, SIGNATURE);
  if (!number) {
    res.redirect(302, '/kiosk/ticket.html');
    return;
  }
  res.redirect(302, `/kiosk/ticket.html?n=${number.toUpperCase()}${day && `&d=${day}`}${day && signature && `&s=${signature}`}`);
}
