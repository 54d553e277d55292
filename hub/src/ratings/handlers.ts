// Socket commands of the ratings domain: thin, each parsed, checked and answered by onCommand.
import type { Ack } from '@yichuang/shared/errors';
import type { StaffFigures } from '@yichuang/shared/ratings';
import * as S from '@yichuang/shared/ratings-schemas';
import { onCommand, type CommandContext } from '../realtime/command.js';
import { cmdKey } from '../services/ticketing.js';
import type { CaseDesk } from './case-desk.js';
import type { PadDesk } from './pad-desk.js';
import type { VisitDesk } from './visit-desk.js';

export interface RatingDesks {
  pads: PadDesk;
  cases: CaseDesk;
  visits: VisitDesk;
  /** Today's figures of whoever is signed in at the window. */
  figures: (windowId: string) => Ack<StaffFigures>;
}

export function registerRatingHandlers(ctx: CommandContext, { pads, cases, visits, figures }: RatingDesks): void {
  const { device } = ctx;
  onCommand(ctx, 'pad:state', S.padState, (p) => pads.state(p.windowId));
  onCommand(ctx, 'pad:rate', S.rate, (p) => pads.rate(p, device));
  onCommand(ctx, 'window:figures', S.figures, (p) => figures(p.windowId));
  onCommand(ctx, 'visit:find', S.visitFind, (p) => visits.find(p.number));
  onCommand(ctx, 'visit:rate', S.visitRate, ({ cmdId, ...given }) => visits.rate(given, 'kiosk', { deviceId: device.id }, cmdKey(device, cmdId)));
  onCommand(ctx, 'case:list', S.caseList, () => cases.list());
  onCommand(ctx, 'case:verify', S.verifyCase, (p) =>
    cases.step({ type: 'verifyCase', caseId: p.caseId, verdict: p.verdict, notes: p.notes }, p.handler, p.cmdId, device),
  );
  onCommand(ctx, 'case:rectify', S.rectifyCase, (p) =>
    cases.step({ type: 'rectifyCase', caseId: p.caseId, measures: p.measures }, p.handler, p.cmdId, device),
  );
  onCommand(ctx, 'case:followUp', S.followUpCase, (p) =>
    cases.step({ type: 'followUpCase', caseId: p.caseId, result: p.result, notes: p.notes }, p.handler, p.cmdId, device),
  );
  onCommand(ctx, 'case:contact', S.caseContact, (p) => cases.contact(p.caseId));
  onCommand(ctx, 'case:close', S.closeCase, (p) =>
    cases.step({ type: 'closeCase', caseId: p.caseId, ...(p.notes && { notes: p.notes }) }, p.handler, p.cmdId, device),
  );
}
