// Demo staff: one per window, plus the hall manager, an administrator and a third-party evaluator
// (the three console accounts). Names are fictional.
import type { Badge, ServiceWindow, Staff } from '@yichuang/shared/domain';
import { hashSecret } from '../security/passwords.js';
import { DEPT } from './demo-departments.js';
import { twoDigits } from './demo-windows.js';

/** Every demo account's window PIN; those with the window role ('staff') sign in at a window with it. */
export const DEMO_PIN = '123456';
/** The demo console accounts (0001 manager, 0002 admin, 0003 evaluator) sign in with this password. */
export const DEMO_PASSWORD = 'yichuang-demo-2026';

interface Profile {
  name: string;
  title: string;
  badge?: Badge;
}

/** Who sits at each window, by window id. */
const WINDOW_STAFF: Record<string, Profile> = {
  w01: { name: '王晓燕', title: '综合受理员', badge: 'party' },
  w02: { name: '李建国', title: '综合受理员', badge: 'party' },
  w03: { name: '张婷', title: '综合受理员' },
  w04: { name: '刘志强', title: '窗口负责人', badge: 'party' },
  w05: { name: '陈静', title: '副主任科员' },
  w06: { name: '杨帆', title: '科员', badge: 'league' },
  w07: { name: '赵丽华', title: '窗口负责人', badge: 'party' },
  w08: { name: '黄伟', title: '副主任科员', badge: 'party' },
  w09: { name: '周敏', title: '科员' },
  w10: { name: '吴海燕', title: '副主任科员' },
  w11: { name: '徐磊', title: '业务专员' },
  w12: { name: '孙悦', title: '科员', badge: 'league' },
  w13: { name: '马俊杰', title: '综合受理员' },
  w14: { name: '朱秀兰', title: '帮办代办员', badge: 'party' },
  w15: { name: '胡斌', title: '综合受理员' },
  w16: { name: '郭佳琪', title: '出证专员', badge: 'league' },
  w17: { name: '何宇航', title: '出证专员' },
};

const HALL_OFFICE: (Profile & Pick<Staff, 'number' | 'roles' | 'department'>)[] = [
  { number: '0001', name: '林雪梅', title: '大厅负责人', badge: 'party', roles: ['manager', 'staff'], department: DEPT.centre },
  { number: '0002', name: '高鹏', title: '信息化管理员', roles: ['admin'], department: DEPT.centre },
  // Third-party assessors read reports and cases (read only).
  { number: '0003', name: '周评', title: '评估员', roles: ['evaluator'], department: '第三方评估机构' },
];

/** Staff numbers (工号) are the window number followed by '01'; hall office numbers start '00'. */
export async function demoStaff(windows: readonly ServiceWindow[]): Promise<Staff[]> {
  const atWindows = windows.map((window): Omit<Staff, 'id' | 'pinHash'> => {
    const profile = WINDOW_STAFF[window.id];
    if (!profile) throw new Error(`no demo staff for window ${window.id}`);
    return { ...profile, number: `${twoDigits(window.number)}01`, department: window.department, roles: ['staff'] };
  });
  return Promise.all([
    ...atWindows.map(async (member) => ({ id: `s${member.number}`, ...member, pinHash: await hashSecret(DEMO_PIN) })),
    ...HALL_OFFICE.map(async (member) => ({
      id: `s${member.number}`,
      ...member,
      pinHash: await hashSecret(DEMO_PIN),
      passwordHash: await hashSecret(DEMO_PASSWORD),
    })),
  ]);
}
