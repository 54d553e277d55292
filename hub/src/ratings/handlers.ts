// Socket commands of the ratings domain: thin, each parsed, checked and answered by onCommand.
import type { Ack } from '@yichuang/shared/errors';
import type { StaffFigures } from '@yichuang/shared/ratings';
import * as S from '@yichuang/shared/ratings-schemas';
import { connectionActor, onCommand, onQuery, type CommandContext } from '../realtime/command.js';
import type { CaseService } from './case-service.js';
import type { PadService } from './pad-service.js';
import type { VisitService } from './visit-service.js';

export interface RatingServices {
  pads: PadService;
  cases: CaseService;
  visits: VisitService;
  /** Today's figures of whoever is signed in at the window. */
  figures: (windowId: string) => Ack<StaffFigures>;
}

export function registerRatingHandlers(ctx: CommandContext, { pads, cases, visits, figures }: RatingServices): void {
  const { device } = ctx;
  onQuery(ctx, 'pad:state', S.padState, (p) => pads.state(p.windowId, p.ticketId));
  onCommand(ctx, 'pad:rate', S.rate, (p, key) => pads.rate(p, device, key));
  onCommand(ctx, 'pad:choose', S.choose, (p, key) => pads.choose(p, device, key));
  onQuery(ctx, 'window:figures', S.figures, (p) => figures(p.windowId));
  onQuery(ctx, 'visit:find', S.visitFind, (p) => visits.find(p.number));
  onCommand(ctx, 'visit:rate', S.visitRate, ({ cmdId: _cmdId, ...given }, key) => visits.rate(given, 'kiosk', { deviceId: device.id }, key));
  onCommand(ctx, 'case:list', S.caseList, () => cases.list());
  onCommand(ctx, 'case:verify', S.verifyCase, (p, key) =>
    cases.step({ type: 'verifyCase', caseId: p.caseId, verdict: p.verdict, notes: p.notes }, p.handler, device, key, connectionActor(ctx)),
  );
  onCommand(ctx, 'case:rectify', S.rectifyCase, (p, key) =>
    cases.step({ type: 'rectifyCase', caseId: p.caseId, measures: p.measures }, p.handler, device, key, connectionActor(ctx)),
  );
  onCommand(ctx, 'case:followUp', S.followUpCase, (p, key) =>
    cases.step({ type: 'followUpCase', caseId: p.caseId, result: p.result, notes: p.notes }, p.handler, device, key, connectionActor(ctx)),
  );
  onCommand(ctx, 'case:contact', S.caseContact, (p) => cases.contact(p.caseId));
  onCommand(ctx, 'case:close', S.closeCase, (p, key) =>
    cases.step({ type: 'closeCase', caseId: p.caseId, ...(p.notes && { notes: p.notes }) }, p.handler, device, key, connectionActor(ctx)),
  );
}
