// 业务类别 of the demo hall. Prefixes are single letters, skipping I and O (read as 1 and 0).
import type { Category } from '@yichuang/shared/domain';
import { DEPT } from './demo-departments.js';
import { weekendHours } from './demo-schedule.js';

type CategoryDefinition = Omit<Category, 'id' | 'allowWalkIn' | 'allowAppointment'>;

/** Built per call so every config gets its own objects. Every category takes walk-ins and appointments. */
function definitions() {
  return {
    general: {
      prefix: 'A',
      name: '综合受理（无差别）',
      nameEn: 'General intake (any item)',
      department: DEPT.centre,
      allowPriority: true,
    },
    social: {
      prefix: 'B',
      name: '社会事务',
      nameEn: 'Social affairs',
      department: DEPT.humanResources,
      allowPriority: true,
    },
    insurance: {
      prefix: 'C',
      name: '医保社保',
      nameEn: 'Medical & social insurance',
      department: DEPT.medicalInsurance,
      allowPriority: true,
      appointmentHours: weekendHours(),
    },
    business: {
      prefix: 'D',
      name: '企业开办',
      nameEn: 'Business start-up',
      department: DEPT.market,
      // Filed by company agents; the green channel is for individuals.
      allowPriority: false,
      dailyCap: 80,
    },
    property: {
      prefix: 'E',
      name: '房产事务·不动产登记',
      nameEn: 'Real estate & property registration',
      department: DEPT.realEstate,
      allowPriority: true,
      appointmentHours: weekendHours(),
      slotQuota: { minutes: 60, max: 30 },
    },
    tax: {
      prefix: 'F',
      name: '税务',
      nameEn: 'Taxation',
      department: DEPT.tax,
      allowPriority: true,
      appointmentHours: weekendHours(),
    },
    civil: {
      prefix: 'G',
      name: '民政事务',
      nameEn: 'Civil affairs',
      department: DEPT.civilAffairs,
      allowPriority: true,
    },
    health: {
      prefix: 'H',
      name: '医疗卫生',
      nameEn: 'Medical & health',
      department: DEPT.health,
      allowPriority: true,
    },
    utilities: {
      prefix: 'J',
      name: '水电气暖',
      nameEn: 'Water, power, gas & heating',
      department: DEPT.utilities,
      allowPriority: true,
    },
    'cross-region': {
      prefix: 'K',
      name: '跨域通办（全省通办·跨省通办）',
      nameEn: 'Cross-region services (province-wide & inter-provincial)',
      department: DEPT.centre,
      allowPriority: true,
      // One window, long cases: the cap keeps the afternoon queue servable.
      dailyCap: 50,
    },
    'one-thing': {
      prefix: 'L',
      name: '一件事一次办',
      nameEn: 'One thing, one visit (bundled services)',
      department: DEPT.centre,
      allowPriority: true,
    },
    assist: {
      prefix: 'M',
      name: '帮办代办',
      nameEn: 'Assisted & proxy service',
      department: DEPT.centre,
      allowPriority: true,
    },
    certificate: {
      prefix: 'N',
      name: '综合出证',
      nameEn: 'Certificate issuance',
      department: DEPT.centre,
      // Collecting a finished certificate takes a minute; no need to jump the queue.
      allowPriority: false,
    },
  } satisfies Record<string, CategoryDefinition>;
}

export type DemoCategoryId = keyof ReturnType<typeof definitions>;

export function demoCategories(): Category[] {
  return Object.entries(definitions()).map(([id, definition]) => ({
    id,
    allowWalkIn: true,
    allowAppointment: true,
    ...definition,
  }));
}
