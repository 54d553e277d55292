import { describe, expect, it } from 'vitest';
import { CATEGORIES, Hall, local, makeConfig, withSchedule } from './test-fixtures.js';
import type { Command } from './types.js';

const walkIn = (categoryId: string, extra: Partial<Extract<Command, { type: 'issue' }>> = {}): Command => ({
  type: 'issue',
  categoryId,
  priority: 'normal',
  source: 'kiosk',
  ...extra,
});
const both = (zh: string, en: string) => ({ zh, en });
const booked = (categoryId: string, dueAt: number): Command => ({ type: 'issue', categoryId, priority: 'appointment', source: 'appointment', dueAt });

describe('issuing numbers', () => {
  it('refuses an unknown category', () => {
    expect(new Hall().refusal(walkIn('nope'))).toEqual({ code: 'UNKNOWN_CATEGORY', params: { categoryId: 'nope' } });
  });

  it('numbers each category from its prefix, zero-padded to three digits, then four', () => {
    const hall = new Hall();
    expect(hall.issue('general', 2)).toEqual(['A001', 'A002']);
    expect(hall.issue('estate')).toEqual(['B001']);
    hall.state.counters.general = 998;
    expect(hall.issue('general', 2)).toEqual(['A999', 'A1000']);
    expect(hall.state.byNumber.A1000).toBe('2026-11-23/A1000');
  });

  it('creates a waiting ticket with one open waiting period', () => {
    const hall = new Hall().at('2026-11-23 09:07');
    const identity = { kind: 'phone', masked: '138****5678' } as const;
    const [event] = hall.run(walkIn('general', { priority: 'green', identity, kioskId: 'k1' })).slice(-1);
    expect(event).toEqual({
      type: 'ticket.issued',
      at: hall.now,
      ticketId: '2026-11-23/A001',
      number: 'A001',
      categoryId: 'general',
      source: 'kiosk',
      priority: 'green',
      identity,
      kioskId: 'k1',
    });
    expect(hall.ticket('A001')).toEqual({
      id: '2026-11-23/A001',
      number: 'A001',
      day: '2026-11-23',
      categoryId: 'general',
      source: 'kiosk',
      priority: 'green',
      identity,
      kioskId: 'k1',
      issuedAt: hall.now,
      arrivalAt: hall.now,
      queueAt: hall.now,
      state: 'waiting',
      recalls: 0,
      returns: 0,
      transfers: 0,
      periods: [{ state: 'waiting', categoryId: 'general', start: hall.now }],
    });
  });

  describe('hours', () => {
    it.each([
      ['before opening', '2026-11-23 08:30', both('今天 09:00', 'today 09:00')],
      ['at lunch', '2026-11-23 12:00', both('今天 13:30', 'today 13:30')],
      ['after closing on Friday', '2026-11-27 17:00', both('11月30日（周一）09:00', 'Mon 30 Nov 09:00')],
      ['on Saturday', '2026-11-28 10:00', both('11月30日（周一）09:00', 'Mon 30 Nov 09:00')],
    ])('refuses walk-ins %s with the next opening, said as today, tomorrow or a weekday and date', (_, at, next) => {
      expect(new Hall().at(at).refusal(walkIn('general'))).toEqual({ code: 'OUTSIDE_HOURS', params: { nextOpening: next } });
    });

    it('takes walk-ins inside hours, up to the last minute', () => {
      const hall = new Hall().open(1);
      expect(hall.at('2026-11-23 09:00').issue('general')).toEqual(['A001']);
      hall.callNext('w1');
      expect(hall.at('2026-11-23 16:59').issue('general')).toEqual(['A002']);
    });

    it('closes on holidays and opens on make-up workdays with Monday hours', () => {
      const config = withSchedule(makeConfig(), { holidays: ['2026-11-23'], makeupWorkdays: ['2026-11-28'] });
      expect(new Hall(config, local('2026-11-23 10:00')).refusal(walkIn('general'))).toEqual({
        code: 'OUTSIDE_HOURS',
        params: { nextOpening: both('明天 09:00', 'tomorrow 09:00') },
      });
      expect(new Hall(config, local('2026-11-28 10:00')).issue('general')).toEqual(['A001']);
    });

    it("uses the category's own hours over the hall's", () => {
      const hall = new Hall();
      expect(hall.at('2026-11-23 09:30').refusal(walkIn('tax'))).toEqual({ code: 'OUTSIDE_HOURS', params: { nextOpening: both('今天 10:00', 'today 10:00') } });
      expect(hall.at('2026-11-23 12:30').issue('tax')).toEqual(['T001']);
    });

    it('says HALL_CLOSED when there is no opening in the next two weeks', () => {
      const windows = [...makeConfig().windows, { ...makeConfig().windows[0]!, id: 'w9', number: 9, categories: [{ categoryId: 'closed', weight: 1 }] }];
      expect(new Hall(makeConfig({ windows })).refusal(walkIn('closed'))).toEqual({ code: 'HALL_CLOSED' });
    });

    it('takes only appointments in appointment-only hours (周末不打烊)', () => {
      const hall = new Hall().at('2026-11-28 10:00');
      expect(hall.refusal(walkIn('weekend'))).toEqual({ code: 'APPOINTMENT_ONLY' });
      expect(hall.refusal(walkIn('weekend', { priority: 'green' }))).toEqual({ code: 'APPOINTMENT_ONLY' });
      hall.run(booked('weekend', local('2026-11-28 10:15')));
      expect(hall.ticket('W001')).toMatchObject({ priority: 'appointment', source: 'appointment', dueAt: local('2026-11-28 10:15') });
      // Outside the appointment hours as well, it is the walk-in opening that is announced.
      expect(hall.at('2026-11-28 18:00').refusal(booked('weekend', hall.now))).toEqual({
        code: 'OUTSIDE_HOURS',
        params: { nextOpening: both('11月30日（周一）09:00', 'Mon 30 Nov 09:00') },
      });
    });

    it('takes appointments in walk-in hours too', () => {
      const hall = new Hall().at('2026-11-23 10:00');
      hall.run(booked('weekend', local('2026-11-23 10:30')));
      expect(hall.issue('weekend')).toEqual(['W002']);
    });

    it('holds the 24-hour terminals to the category hours', () => {
      const hall = new Hall().at('2026-11-23 20:00');
      expect(hall.refusal(walkIn('general', { source: 'terminal24' }))).toEqual({
        code: 'OUTSIDE_HOURS',
        params: { nextOpening: both('明天 09:00', 'tomorrow 09:00') },
      });
      expect(hall.issue('self', 1, { source: 'terminal24' })).toEqual(['S001']);
      expect(hall.at('2026-11-24 10:00').issue('general', 1, { source: 'terminal24' })).toEqual(['A001']);
    });
  });

  describe('who may take a number', () => {
    it('refuses walk-ins for a booking-only service, at any hour', () => {
      const hall = new Hall();
      expect(hall.refusal(walkIn('booking'))).toEqual({ code: 'WALK_IN_NOT_ALLOWED' });
      expect(hall.at('2026-11-23 20:00').refusal(walkIn('booking'))).toEqual({ code: 'WALK_IN_NOT_ALLOWED' });
      expect(hall.at('2026-11-23 10:00').run(booked('booking', hall.now)).at(-1)).toMatchObject({ number: 'K001' });
    });

    it('refuses appointments for a service that takes none', () => {
      const categories = CATEGORIES.map((c) => (c.id === 'general' ? { ...c, allowAppointment: false } : c));
      expect(new Hall(makeConfig({ categories })).refusal(booked('general', local('2026-11-23 09:30')))).toEqual({
        code: 'APPOINTMENT_NOT_ALLOWED',
      });
    });

    it('gives the green channel only where the category has one', () => {
      const hall = new Hall();
      expect(hall.refusal(walkIn('estate', { priority: 'green' }))).toEqual({ code: 'PRIORITY_NOT_ALLOWED' });
      hall.issue('general', 1, { priority: 'green' });
      expect(hall.ticket('A001').priority).toBe('green');
    });
  });

  describe('caps and quotas', () => {
    it('caps walk-in tickets per day, not appointments', () => {
      const hall = new Hall();
      expect(hall.issue('estate', 5)).toHaveLength(5);
      expect(hall.refusal(walkIn('estate'))).toEqual({ code: 'DAILY_CAP_REACHED', params: { name: both('房产事务', 'estate'), cap: 5 } });
      hall.run(booked('estate', local('2026-11-23 09:30')));
      expect(hall.ticket('B006').priority).toBe('appointment');
      // A cancelled number was still taken.
      hall.run({ type: 'cancel', windowId: 'w3', number: 'B001' });
      expect(hall.refusal(walkIn('estate'))).toMatchObject({ code: 'DAILY_CAP_REACHED' });
      // The cap resets with the day.
      expect(hall.at('2026-11-24 09:00').issue('estate')).toEqual(['B001']);
    });

    it('counts a ticket against the category it was taken in, not one it was transferred to', () => {
      const hall = new Hall().open(1);
      hall.issue('general');
      hall.callNext('w1');
      hall.run({ type: 'transfer', windowId: 'w1', toCategoryId: 'estate', note: '房产业务' });
      expect(hall.ticket('A001').categoryId).toBe('estate');
      expect(hall.issue('estate', 5)).toHaveLength(5);
    });

    it('limits walk-ins per time slot counted from local midnight', () => {
      const hall = new Hall();
      for (const at of ['09:00', '09:10', '09:20']) hall.at(`2026-11-23 ${at}`).issue('social');
      expect(hall.at('2026-11-23 09:29').refusal(walkIn('social'))).toEqual({
        code: 'SLOT_FULL',
        params: { name: both('社保医保', 'social'), nextSlot: '09:30' },
      });
      // Appointments are outside the quota.
      hall.run(booked('social', local('2026-11-23 09:40')));
      expect(hall.at('2026-11-23 09:30').issue('social')).toEqual(['C005']);
    });
  });
});
