// Slips with every field filled in: for the test print and the size report (test/bench/ticket-size.ts).
import { t } from '@yichuang/shared/console-i18n';
import { HALL_TIME_ZONE } from '@yichuang/shared/time';
import type { TicketSlip } from './ticket-layout.js';

/** As long as the demo hall makes one. */
export function sampleSlip(overrides: Partial<TicketSlip> = {}): TicketSlip {
  return {
    header: '示范区政务服务中心（演示）',
    number: 'K123',
    categoryName: '跨域通办（全省通办·跨省通办）',
    priority: 'green',
    issuedAt: Date.parse('2026-11-23T02:00:00Z'),
    timeZone: HALL_TIME_ZONE,
    ahead: 12,
    estimatedWaitMin: 45,
    identity: '138****5678',
    footer: t('slip.footer', 'zh'),
    pageUrl: 'http://192.168.100.200:8080/t/K123/2026-11-23/Qm7cY2vR0k',
    ...overrides,
  };
}

/**
 * The longest slip the layout allows for the demo hall's own texts (its name, its longest category,
 * the default footer; each character a hall adds to those costs 2 bytes): everything the hub fills
 * in at its longest. A two-letter prefix and four digits (a daily cap up to 9999), the green
 * channel mark, a masked ID number (longer than a phone's), 999 people ahead and 999 minutes, the
 * longest LAN address a phone is sent to, and a reprint's 补打 line.
 */
export function worstCaseSlip(overrides: Partial<TicketSlip> = {}): TicketSlip {
  return sampleSlip({
    number: 'ZZ9999',
    priority: 'green',
    identity: '1101**********123X',
    ahead: 999,
    estimatedWaitMin: 999,
    pageUrl: 'http://255.255.255.255:65535/t/ZZ9999/2026-11-23/Qm7cY2vR0k',
    reprintedAt: Date.parse('2026-11-23T07:59:00Z'),
    ...overrides,
  });
}
