// A slip with every field filled in, as long as the demo hall makes one: for the test print and the size report.
import { t } from '@yichuang/shared/console-i18n';
import { HALL_TIME_ZONE } from '@yichuang/shared/time';
import type { TicketSlip } from './ticket-layout.js';

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
