// Sets a district account's password and role from the command line (the password is read from
// stdin), adding the account if it is new. The first admin set this way ends the demo district: the
// demo accounts and the demo console token stop working.
//   npm run district:password -- --db postgres://… --user NAME --role admin|evaluator [--name 显示名]
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { password as passwordSchema } from '@yichuang/shared/admin-schemas';
import { DISTRICT_ROLES, type DistrictRole } from '@yichuang/shared/district';
import pg from 'pg';
import { setAccount } from './auth.js';
import { migrate } from './schema.js';

const USAGE = `用法 / usage: npm run district:password -- --db postgres://user:password@host:port/db --user NAME --role admin|evaluator [--name 显示名]
  密码从标准输入读取 / the password is read from stdin
  --role admin      区级管理员：可发布节假日与事项目录 / district admin: publishes holidays and the catalogue
  --role evaluator  区级评价员：只读 / district evaluator: reads only`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, user: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const db = values.db ?? process.env.YICHUANG_DISTRICT_DB;
  const role = values.role as DistrictRole | undefined;
  if (!db || !values.user || !/^[\w.-]{1,64}$/.test(values.user) || !role || !DISTRICT_ROLES.includes(role)) throw new Error(USAGE);
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  const entered = await lines.question('新密码 / new password: ');
  lines.close();
  const parsed = passwordSchema.safeParse(entered.trim());
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const client = new pg.Client({ connectionString: db, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await migrate(client);
    const { demoEnded } = await setAccount(client, { username: values.user, role, password: parsed.data, ...(values.name && { name: values.name }) });
    console.log(`已设置区级账号 ${values.user}（${role}）/ district account ${values.user} (${role}) set`);
    if (demoEnded) console.log('演示账号与演示控制台令牌已停用 / the demo accounts and the demo console token are removed');
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
