// GET /t/:number?d=<day> — the address in a ticket's QR code — opens the ticket's phone page.
import type { Request, Response } from 'express';

const NUMBER = /^[A-Za-z]{1,2}\d{3,4}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function redirectToTicketPage(req: Request, res: Response): void {
  const number = String(req.params.number ?? '');
  const day = typeof req.query.d === 'string' && DAY.test(req.query.d) ? req.query.d : '';
  if (!NUMBER.test(number)) {
    res.redirect(302, '/kiosk/ticket.html');
    return;
  }
  res.redirect(302, `/kiosk/ticket.html?n=${number.toUpperCase()}${day && `&d=${day}`}`);
}
