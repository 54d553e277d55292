// `npm run demo:district`: a whole demo district on this machine — a PostgreSQL cluster of its own
// (as the tests start one: run as root, the server runs as the `postgres` user), the district server
// with its console, and three halls (district centre, street centre, village station) started with
// --hall-id/--hall-name/--hall-level and --federate, each with the last days of synthetic history
// (the bench's generator, through the real engine). The district publishes its holiday calendar and
// a 事项 catalogue, which the halls take. Prints every URL; Ctrl-C stops everything and removes it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HallLevel } from '@yichuang/shared/lists';
import { addDays, HALL_TIME_ZONE, serviceDay } from '@yichuang/shared/time';
import { DEMO_DISTRICT_PASSWORD } from '../../district/src/demo-accounts.js';
import { DEMO_DISTRICT_TOKEN, startDistrict, type RunningDistrict } from '../../district/src/server.js';
import { demoSchedule } from '../../hub/src/demo/demo-schedule.js';
import { simulateBlock } from '../bench/history/simulate-block.js';
import { killed, seedAllDayHall } from '../helpers/hub-process.js';
import { freePort, startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { REPO_ROOT, TestClock } from '../helpers/test-hub.js';
import { hallTraffic } from '../federation/federation-helpers.js';

/** Full days of history before today (today runs up to now). */
const HISTORY_DAYS = 6;

/** Each hall's volume, and the visitors it has right now (issued, of whom served) so today's queues show at any hour. */
const HALLS: { id: string; name: string; nameEn: string; level: HallLevel; ticketsPerWorkday: number; now: [number, number] }[] = [
  { id: 'demo-centre', name: '示范区政务服务中心', nameEn: 'Demo District Government Service Centre', level: 'centre', ticketsPerWorkday: 300, now: [16, 5] },
  { id: 'demo-street', name: '城东街道便民服务中心', nameEn: 'Chengdong Street Service Centre', level: 'street', ticketsPerWorkday: 80, now: [7, 2] },
  { id: 'demo-station', name: '青石村便民服务站', nameEn: 'Qingshi Village Service Station', level: 'station', ticketsPerWorkday: 20, now: [3, 1] },
];

const CATALOGUE = {
  items: [
    { code: '11440100MB2C92-001', name: '城乡居民养老保险参保登记', nameEn: 'Rural and urban pension enrolment', department: '区人力资源和社会保障局' },
    { code: '11440100MB2C92-002', name: '基本医疗保险参保登记', nameEn: 'Basic medical insurance enrolment', department: '区医疗保障局' },
    { code: '11440100MB2C92-003', name: '个体工商户设立登记', nameEn: 'Sole trader registration', department: '区市场监督管理局' },
    { code: '11440100MB2C92-004', name: '居住证签注', nameEn: 'Residence permit endorsement', department: '区公安分局' },
    { code: '11440100MB2C92-005', name: '最低生活保障申请', nameEn: 'Minimum living allowance application', department: '区民政局' },
  ],
};

const log = (line: string): void => console.error(`[demo:district] ${line}`);

interface Hall {
  id: string;
  name: string;
  child: ChildProcess;
  url: string;
}

async function seedHistory(dataDir: string, hall: (typeof HALLS)[number], now: number): Promise<number> {
  const config = await seedAllDayHall(dataDir);
  Object.assign(config.hall, { id: hall.id, name: hall.name, nameEn: hall.nameEn, level: hall.level });
  await writeFile(path.join(dataDir, 'config.json'), JSON.stringify(config));
  const today = serviceDay(now, HALL_TIME_ZONE);
  const from = addDays(today, -HISTORY_DAYS);
  const result = await simulateBlock({ dataDir, from, writeFrom: from, to: today, today, now, ticketsPerWorkday: hall.ticketsPerWorkday }, () => undefined);
  return result.tickets;
}

function startHall(dataDir: string, hall: (typeof HALLS)[number], port: number, federate: string): Promise<Hall> {
  const args = ['--port', String(port), '--host', '0.0.0.0', '--data', dataDir, '--hall-id', hall.id, '--hall-name', hall.name, '--hall-level', hall.level, '--federate', federate];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'hub/dist/main.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (b: Buffer) => {
    out += b.toString();
    for (const line of b.toString().split('\n').filter((l) => l.includes('federation:'))) log(`${hall.id}: ${line.trim()}`);
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (/\(port \d+,/.test(out)) resolve({ id: hall.id, name: hall.name, child, url: `http://localhost:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`${hall.id} 启动失败 / failed to start (exit ${code}):\n${out}`)));
  });
}

/** Publishes the demo district's holidays (the demo hall's 2026 calendar) and catalogue, as its admin. */
async function publishDemoConfig(district: RunningDistrict): Promise<void> {
  const signIn = await fetch(`${district.url}/api/district/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-admin', password: DEMO_DISTRICT_PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { holidays, makeupWorkdays } = demoSchedule();
  for (const [kind, body] of [['holidays', { holidays, makeupWorkdays }], ['catalogue', CATALOGUE]] as const) {
    const res = await fetch(`${district.url}/api/district/published/${kind}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`publishing ${kind}: ${res.status} ${await res.text()}`);
  }
}

async function main(): Promise<void> {
  const folders: string[] = [];
  const halls: Hall[] = [];
  let cluster: PostgresCluster | undefined;
  let district: RunningDistrict | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      log('正在停止 / stopping…');
      for (const h of halls) h.child.kill('SIGTERM');
      await Promise.all(halls.map((h) => killed(h.child)));
      await district?.close().catch(() => undefined);
      await cluster?.destroy().catch(() => undefined);
      for (const dir of folders) await rm(dir, { recursive: true, force: true });
    })());
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

  try {
    log('启动 PostgreSQL / starting PostgreSQL…');
    cluster = await startPostgres();
    const db = await cluster.createDatabase('yichuang_district');
    const now = Date.now();
    district = await startDistrict({ db, port: Number(process.env.DISTRICT_PORT ?? (await freePort())), host: '0.0.0.0' }, { clock: Date.now, log });
    await publishDemoConfig(district);
    for (const hall of HALLS) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `yichuang-${hall.id}-`));
      folders.push(dir);
      const tickets = await seedHistory(dir, hall, now);
      log(`${hall.name}: ${HISTORY_DAYS} 天历史 ${tickets} 张号 / ${HISTORY_DAYS} days of history, ${tickets} tickets`);
      const running = await startHall(dir, hall, await freePort(), db);
      halls.push(running);
      // Two windows signed in and a queue now, through the hub's sockets like real devices (the test clock only paces the helper).
      await hallTraffic(running.url, new TestClock(Date.now()), ...hall.now);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  console.log(`
一窗 演示辖区已启动 / demo district running
  区级控制台 / district console:  ${district.url}/district/
      账号 / accounts: demo-admin（区级管理员 / admin）, demo-evaluator（评价员 / evaluator），密码 / password: ${DEMO_DISTRICT_PASSWORD}
      REST: curl -H 'Authorization: Bearer ${DEMO_DISTRICT_TOKEN}' ${district.url}/api/district/halls
  区级数据库 / district database:  ${cluster.url('yichuang_district')}
${halls.map((h) => `  ${h.name} (${h.id}):  ${h.url}/   控制台 / console: ${h.url}/console/?token=demo-console-1`).join('\n')}
按 Ctrl-C 停止并清除 / Ctrl-C stops and removes everything`);
}

main().catch((err: unknown) => {
  console.error('演示辖区启动失败 / demo district failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
