// The demo hall, modelled on a district centre (区政务服务中心, docs/design.md §1). Fictional throughout.
import type { HallConfig } from '@yichuang/shared/domain';
import type { HallLevel } from '@yichuang/shared/lists';
import { HALL_TIME_ZONE } from '@yichuang/shared/time';
import { SCHEMA_VERSION } from '../storage/migrations.js';
import { demoCategories } from './demo-categories.js';
import { demoDevices } from './demo-devices.js';
import { demoSchedule } from './demo-schedule.js';
import { demoStaff } from './demo-staff.js';
import { demoWindows } from './demo-windows.js';
import { demoZones } from './demo-zones.js';

export { DEMO_PASSWORD, DEMO_PIN } from './demo-staff.js';

/** Who the demo hall is (--hall-id, --hall-name, --hall-level), so a demo district can have several. */
export interface DemoIdentity {
  id: string;
  name?: string;
  level?: HallLevel;
}

/** A complete, freshly built configuration (new PIN and password salts on every call). */
export async function demoHall(identity?: DemoIdentity): Promise<HallConfig> {
  const windows = demoWindows();
  return {
    schemaVersion: SCHEMA_VERSION,
    hall: {
      id: identity?.id ?? 'demo-district',
      name: identity?.name ?? '示范区政务服务中心（演示）',
      nameEn: identity?.name ?? 'Demo District Government Service Centre (demo)',
      ...(identity?.level && { level: identity.level }),
      address: '演示市示范区政务大道 1 号',
      timeZone: HALL_TIME_ZONE,
      schedule: demoSchedule(),
      zones: demoZones(),
    },
    categories: demoCategories(),
    windows,
    staff: await demoStaff(windows),
    devices: demoDevices(windows),
    rules: { priorityBurst: 3, recallCap: 2, noShowRequeuePlaces: 3, appointmentEarlyMinutes: 15 },
    evaluation: {
      badReasons: ['服务态度', '办事效率', '多次跑动', '材料要求不清', '系统故障', '其他'],
      padTimeoutSeconds: 60,
      caseDeadlines: { verifyDays: 1, rectifyDays: 5, followUpDays: 10 },
      // 330106 杭州市西湖区: a real GB/T 2260 code, so demo records look like a hall's.
      platform: { profile: 'national', regionCode: '330106', channelCodes: { pad: '1', kiosk: '2', phone: '3' }, endpoint: '' },
    },
    retention: { personalDataDays: 365 },
  };
}
