// Sets a console password from the command line, for a hall where nobody can sign in yet (a data
// folder from before console passwords, or a forgotten admin password). Run it with the hub stopped:
// a running hub keeps its own copy of the configuration and would write over this change.
//   node hub/dist/admin/password-cli.js --data ./data --staff 0002 [--admin]   (the password is read from stdin)
import { createInterface } from 'node:readline/promises';
import { password as passwordSchema } from '@yichuang/shared/admin-schemas';
import { CONSOLE_ROLES, type StaffRole } from '@yichuang/shared/domain';
import { DATA_USAGE, noHall, OptionsError, readToolOptions } from '../config.js';
import { AuditLog } from '../security/audit-log.js';
import { hashSecret } from '../security/passwords.js';
import { ConfigStore } from '../storage/config-store.js';

const USAGE = `用法 / usage: node hub/dist/admin/password-cli.js [--data DIR] --staff NUMBER [--admin]
  先停止 hub；密码从标准输入读取 / stop the hub first; the password is read from stdin
${DATA_USAGE}
  --staff NUMBER   工号 / staff number
  --admin          同时授予系统管理员角色 / also give the admin role`;

async function main(): Promise<void> {
  const { dataDir, values } = readToolOptions(process.argv.slice(2), process.env, { staff: { type: 'string' }, admin: { type: 'boolean', default: false } }, USAGE);
  if (!values.staff) throw new OptionsError(USAGE);
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  const entered = await lines.question('新密码 / new password: ');
  lines.close();
  const parsed = passwordSchema.safeParse(entered.trim());
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const passwordHash = await hashSecret(parsed.data);

  const store = await ConfigStore.open(dataDir, () => {
    throw noHall(dataDir);
  });
  const staff = store.config.staff.find((s) => s.number === values.staff);
  if (!staff) throw new Error(`没有工号 ${values.staff} / no staff number ${values.staff}`);
  const roles: StaffRole[] = values.admin && !staff.roles.includes('admin') ? [...staff.roles, 'admin'] : staff.roles;
  if (!roles.some((r) => (CONSOLE_ROLES as readonly StaffRole[]).includes(r))) {
    throw new Error(`${staff.name} 没有控制台角色，请加 --admin / ${staff.name} has no console role; add --admin`);
  }
  await store.update((draft) => {
    const s = draft.staff.find((x) => x.id === staff.id)!;
    s.passwordHash = passwordHash;
    s.roles = roles;
  });
  const audit = new AuditLog(dataDir, Date.now, () => store.config.hall.timeZone);
  await audit.append({ actor: { name: `password-cli (${process.env.USER ?? 'shell'})` }, action: 'staff.setPassword', target: staff.id, after: { roles } });
  await audit.close();
  console.log(`已为 ${staff.name}（${staff.number}）设置控制台密码 / console password set for ${staff.name} (${staff.number})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
