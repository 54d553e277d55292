import { describe, expect, it } from 'vitest';
import { Hall, local, makeConfig } from './test-fixtures.js';
import type { Command } from './types.js';

/** Window 1 has just finished A001 (B001 waits); window 2 is open. */
function finishedHall(): Hall {
  const hall = new Hall().open(1, 2);
  hall.issue('general', 2);
  hall.callNext('w1');
  hall.run({ type: 'start', windowId: 'w1' });
  hall.wait(6);
  hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
  return hall;
}

const A001 = '2026-11-23/A001';
const rate = (extra: Partial<Extract<Command, { type: 'rate' }>> = {}): Command => ({
  type: 'rate',
  windowId: 'w1',
  ticketId: A001,
  level: 'satisfied',
  reasons: [],
  ...extra,
});

describe('办件编号 linked after the rating', () => {
  it('reaches the rating already given, so the export names the business case', () => {
    const hall = finishedHall();
    hall.run(rate());
    hall.run({ type: 'linkCase', windowId: 'w1', caseNumber: 'SL-20261123-7' });
    expect(hall.state.evaluation?.ratings[A001]?.caseNumber).toBe('SL-20261123-7');
  });
});

describe('pad prompt', () => {
  it('makes a finished visit ratable at its own window', () => {
    const hall = finishedHall();
    expect(hall.state.evaluation?.pads).toEqual({ w1: { ticketId: A001, staffId: 's1', finishedAt: hall.now } });
  });

  it('records a rating with the national fields once, and takes the visit off the pad', () => {
    const hall = finishedHall();
    const finishedAt = hall.now;
    hall.wait(0.5);
    expect(hall.run(rate({ level: 'very-satisfied', text: '  很好  ' }))).toEqual([
      { type: 'rating.recorded', at: hall.now, ticketId: A001, windowId: 'w1', staffId: 's1', channel: 'pad', level: 'very-satisfied', reasons: [], text: '很好' },
    ]);
    expect(hall.state.evaluation?.ratings[A001]).toEqual({
      ticketId: A001,
      ticketNumber: 'A001',
      categoryId: 'general',
      windowId: 'w1',
      staffId: 's1',
      channel: 'pad',
      finishedAt,
      at: hall.now,
      level: 'very-satisfied',
      code: 5,
      reasons: [],
      text: '很好',
    });
    expect(hall.state.evaluation?.pads).toEqual({});
    expect(hall.refusal(rate())).toEqual({ code: 'ALREADY_RATED' });
  });

  it('lets a pad rate only the visit just finished at its own window', () => {
    const hall = finishedHall();
    expect(hall.refusal(rate({ windowId: 'w2' }))).toEqual({ code: 'NOT_RATABLE' });
    expect(hall.refusal(rate({ ticketId: '2026-11-23/A002' }))).toEqual({ code: 'NOT_RATABLE' });
    expect(hall.refusal(rate({ windowId: 'w9' }))).toEqual({ code: 'UNKNOWN_WINDOW', params: { windowId: 'w9' } });
  });

  it('refuses a rating once the pad time is up, and the timer then records 未评价', () => {
    const hall = finishedHall();
    const finishedAt = hall.now;
    hall.wait(0.5);
    const early = hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 });
    expect(early).toEqual([]);
    hall.now = finishedAt + 60_000;
    expect(hall.refusal(rate())).toEqual({ code: 'RATING_EXPIRED' });
    expect(hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 })).toEqual([
      { type: 'rating.expired', at: hall.now, ticketId: A001, windowId: 'w1', staffId: 's1', reason: 'timeout' },
    ]);
    expect(hall.state.evaluation?.ratings[A001]).toMatchObject({ level: 'unrated', reasons: [] });
    expect(hall.state.evaluation?.ratings[A001]).not.toHaveProperty('code');
    expect(hall.refusal(rate())).toEqual({ code: 'RATING_EXPIRED' });
    // The timer asking again changes nothing.
    expect(hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 })).toEqual([]);
  });

  it('records 未评价 for a visit still unrated when the window finishes its next one', () => {
    const hall = finishedHall();
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.wait(0.5);
    const events = hall.run({ type: 'finish', windowId: 'w1', outcome: 'enquiry' });
    expect(events.map((e) => [e.type, 'ticketId' in e ? e.ticketId : ''])).toEqual([
      ['rating.expired', A001],
      ['ticket.finished', '2026-11-23/A002'],
    ]);
    expect(events[0]).toMatchObject({ reason: 'superseded' });
    expect(hall.state.evaluation?.pads.w1?.ticketId).toBe('2026-11-23/A002');
  });

  it('asks for reasons from the hall list for the two bad levels only', () => {
    const hall = finishedHall();
    expect(hall.refusal(rate({ level: 'dissatisfied' }))).toEqual({ code: 'REASONS_REQUIRED' });
    expect(hall.refusal(rate({ level: 'very-dissatisfied', reasons: ['太慢了'] }))).toEqual({ code: 'UNKNOWN_REASON', params: { reason: '太慢了' } });
    expect(hall.refusal(rate({ level: 'basic', reasons: ['服务态度'] }))).toEqual({ code: 'REASONS_NOT_ALLOWED' });
  });
});

describe('rating later by number (kiosk, phone page)', () => {
  const later = (extra: Partial<Extract<Command, { type: 'rateVisit' }>> = {}): Command => ({
    type: 'rateVisit',
    number: 'A001',
    channel: 'kiosk',
    level: 'satisfied',
    reasons: [],
    ...extra,
  });

  it('fills a 未评价 with the rating, at the window and staff that finished the visit', () => {
    const hall = finishedHall();
    const finishedAt = hall.now;
    hall.wait(2);
    hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 });
    hall.wait(30);
    expect(hall.run(later({ channel: 'phone', level: 'very-satisfied', text: ' 耐心 ' }))).toEqual([
      { type: 'rating.recorded', at: hall.now, ticketId: A001, windowId: 'w1', staffId: 's1', channel: 'phone', level: 'very-satisfied', reasons: [], text: '耐心' },
    ]);
    expect(hall.state.evaluation?.ratings[A001]).toMatchObject({ channel: 'phone', level: 'very-satisfied', code: 5, finishedAt, at: hall.now });
    expect(hall.refusal(later())).toEqual({ code: 'ALREADY_RATED' });
    expect(hall.refusal(rate())).toEqual({ code: 'ALREADY_RATED' });
  });

  it('takes the visit off its pad when rated at a kiosk while the pad still waits', () => {
    const hall = finishedHall();
    hall.wait(0.2).run(later());
    expect(hall.state.evaluation?.pads).toEqual({});
    expect(hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 })).toEqual([]);
  });

  it('refuses a visit not finished, an unknown number, and a visit rated already', () => {
    const hall = finishedHall();
    expect(hall.refusal(later({ number: 'A002' }))).toEqual({ code: 'VISIT_NOT_FINISHED', params: { number: 'A002' } });
    expect(hall.refusal(later({ number: 'A009' }))).toEqual({ code: 'UNKNOWN_TICKET', params: { number: 'A009' } });
    hall.wait(0.2).run(rate({ level: 'basic' }));
    expect(hall.refusal(later())).toEqual({ code: 'ALREADY_RATED' });
  });

  it('rates a transferred visit at the window that finished it, and opens a case for a bad level', () => {
    const hall = new Hall().open(1, 2);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.run({ type: 'transfer', windowId: 'w1', toWindowId: 'w2', note: '转社保' });
    hall.callNext('w2');
    hall.run({ type: 'start', windowId: 'w2' });
    hall.run({ type: 'finish', windowId: 'w2', outcome: 'done' });
    hall.wait(5);
    expect(hall.refusal(later({ level: 'dissatisfied' }))).toEqual({ code: 'REASONS_REQUIRED' });
    const events = hall.run(later({ level: 'dissatisfied', reasons: ['服务态度'] }));
    expect(events.map((e) => e.type)).toEqual(['rating.recorded', 'case.opened']);
    expect(events[0]).toMatchObject({ windowId: 'w2', staffId: 's2', channel: 'kiosk' });
    expect(hall.state.evaluation?.cases['20261123-A001']?.rating).toMatchObject({ windowId: 'w2', level: 'dissatisfied' });
  });
});

describe('a new day', () => {
  it('forgets the pads and ratings of the day before', () => {
    const hall = finishedHall();
    hall.wait(0.5).run(rate());
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    expect(hall.state.evaluation?.pads.w1).toBeDefined();
    hall.at('2026-11-24 09:00').issue('general');
    expect(hall.state.evaluation).toBeUndefined();
    expect(hall.run({ type: 'expireRating', windowId: 'w1', ticketId: '2026-11-23/A002' })).toEqual([]);
  });
});

describe('bad rating', () => {
  it('opens a case for the window department, due in working days from the rating', () => {
    // Friday afternoon: one working day to verify is Monday.
    const hall = new Hall(makeConfig(), local('2026-11-27 15:00')).open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    hall.wait(0.5);
    const contact = { kind: 'phone' as const, masked: '138****5678' };
    const events = hall.run(rate({ level: 'dissatisfied', reasons: ['服务态度', '服务态度', '其他'], contact, ticketId: '2026-11-27/A001' }));
    expect(events).toEqual([
      {
        type: 'rating.recorded',
        at: hall.now,
        ticketId: '2026-11-27/A001',
        windowId: 'w1',
        staffId: 's1',
        channel: 'pad',
        level: 'dissatisfied',
        reasons: ['服务态度', '其他'],
        contact,
      },
      {
        type: 'case.opened',
        at: hall.now,
        caseId: '20261127-A001',
        ticketId: '2026-11-27/A001',
        department: 'hall',
        due: { verify: '2026-11-30', rectify: '2026-12-04', followUp: '2026-12-11' },
      },
    ]);
    const c = hall.state.evaluation?.cases['20261127-A001'];
    expect(c).toMatchObject({ reached: 'opened', steps: [], rating: { level: 'dissatisfied', code: 2, contact } });
  });

  it('opens no case for a good or a missing rating', () => {
    const hall = finishedHall();
    hall.wait(0.2);
    hall.run(rate({ level: 'basic' }));
    expect(hall.state.evaluation?.cases).toEqual({});
  });

  it('counts the time to rate from the finish, as configured', () => {
    const hall = new Hall(makeConfig({ evaluation: { ...makeConfig().evaluation, badReasons: ['其他'], padTimeoutSeconds: 10, caseDeadlines: { verifyDays: 1, rectifyDays: 2, followUpDays: 3 } } }));
    hall.open(1);
    hall.issue('general');
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    const finishedAt = hall.now;
    hall.now = finishedAt + 10_000;
    expect(hall.refusal(rate())).toEqual({ code: 'RATING_EXPIRED' });
    hall.now = finishedAt + 9_999;
    expect(hall.run(rate()).map((e) => e.type)).toEqual(['rating.recorded']);
  });
});

describe('a level chosen on the pad', () => {
  const choose = (level: 'very-dissatisfied' | 'satisfied', reasons: string[] = []): Command => ({ type: 'chooseLevel', windowId: 'w1', ticketId: A001, level, reasons });

  it('gives the citizen time to finish the details past the pad timeout', () => {
    const hall = finishedHall();
    hall.wait(0.5);
    expect(hall.run(choose('very-dissatisfied'))).toEqual([
      { type: 'rating.levelChosen', at: hall.now, ticketId: A001, windowId: 'w1', level: 'very-dissatisfied', reasons: [] },
    ]);
    hall.wait(1.5); // two minutes after the visit: the pad's own time is long gone
    expect(hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 })).toEqual([]);
    const events = hall.run(rate({ level: 'very-dissatisfied', reasons: ['服务态度'], text: '态度差' }));
    expect(events.map((e) => e.type)).toEqual(['rating.recorded', 'case.opened']);
    expect(hall.state.evaluation?.ratings[A001]).toMatchObject({ level: 'very-dissatisfied', reasons: ['服务态度'], text: '态度差', channel: 'pad' });
  });

  it('counts the level chosen, with the reasons so far, when the details are never finished', () => {
    const hall = finishedHall();
    hall.run(choose('very-dissatisfied'));
    hall.wait(2);
    hall.run(choose('very-dissatisfied', ['服务态度']));
    hall.wait(2.9); // less than three minutes after the latest choice
    expect(hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 })).toEqual([]);
    hall.wait(0.2);
    const events = hall.run({ type: 'expireRating', windowId: 'w1', ticketId: A001 });
    expect(events.map((e) => e.type)).toEqual(['rating.recorded', 'case.opened']);
    expect(hall.state.evaluation?.ratings[A001]).toMatchObject({ level: 'very-dissatisfied', code: 1, reasons: ['服务态度'], channel: 'pad' });
    expect(hall.state.evaluation?.pads).toEqual({});
  });

  it('is refused once the pad has no time left or for reasons the hall does not offer', () => {
    const late = finishedHall();
    late.wait(1.1);
    expect(late.refusal(choose('satisfied'))).toEqual({ code: 'RATING_EXPIRED' });
    const hall = finishedHall();
    expect(hall.refusal(choose('very-dissatisfied', ['不存在的原因']))).toMatchObject({ code: 'UNKNOWN_REASON' });
  });
});

describe('a level chosen when the window finishes its next visit', () => {
  it('is recorded, not replaced by 未评价', () => {
    const hall = finishedHall();
    hall.run({ type: 'chooseLevel', windowId: 'w1', ticketId: A001, level: 'dissatisfied', reasons: ['服务态度'] });
    hall.callNext('w1');
    hall.run({ type: 'start', windowId: 'w1' });
    const events = hall.run({ type: 'finish', windowId: 'w1', outcome: 'done' });
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['rating.recorded', 'case.opened']);
    expect(hall.state.evaluation?.ratings[A001]).toMatchObject({ level: 'dissatisfied', reasons: ['服务态度'], channel: 'pad' });
    expect(hall.state.evaluation?.pads.w1?.ticketId).toBe('2026-11-23/A002');
  });
});
