// Zones of the demo hall: the staffed main hall and the 24-hour self-service area.
import type { Zone } from '@yichuang/shared/domain';

export const HALL_ZONE = 'hall';
export const SELF_SERVICE_ZONE = 'self24';

export function demoZones(): Zone[] {
  return [
    { id: HALL_ZONE, name: '办事大厅', nameEn: 'Main hall' },
    { id: SELF_SERVICE_ZONE, name: '24小时自助服务区', nameEn: '24-hour self-service area' },
  ];
}
