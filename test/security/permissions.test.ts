// Roles × commands: every command of the composed permission table, sent by a device of every role
// (and, at a console, by nobody signed in, by a person whose session ended — at a demo console too —,
// an evaluator, a manager and an admin). Outside its rights
// a device is refused with FORBIDDEN (a console without a person: SIGN_IN_REQUIRED) before anything
// runs; within them it is never refused as FORBIDDEN. Payloads carry no cmdId, so no change happens.
// A person at a console outside their rights is refused with ROLE_FORBIDDEN, naming their role. What an
// evaluator may send is written out here (EVALUATOR_MAY), not read from the code under test, and every
// caller × command pair is counted, so the matrix cannot lose a case without failing.
import type { Operator } from '@yichuang/shared/admin';
import { t as say } from '@yichuang/shared/console-i18n';
import type { DeviceRole } from '@yichuang/shared/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type CommandName } from '../../hub/src/realtime/permissions.js';
import { operatorMay } from '../../hub/src/realtime/permissions/admin.js';
import type { Rule } from '../../hub/src/realtime/permissions/rule.js';
import { startTestHub, type Client, type TestHub } from '../helpers/test-hub.js';
import { connectWithCookie, pairDevice, raw, signIn } from './helpers.js';

interface Caller {
  label: string;
  role: DeviceRole;
  windowId?: string;
  /** At a console: who is signed in (null = nobody). */
  operator?: Pick<Operator, 'roles'> | null;
  client: Client;
}

let t: TestHub;
const callers: Caller[] = [];
const COMMANDS = Object.keys(PERMISSIONS) as CommandName[];
const rule = (command: CommandName): Rule => PERMISSIONS[command];

/** The console commands a third-party evaluator may send: reads only. */
const EVALUATOR_MAY: readonly CommandName[] = [
  'sync:snapshot',
  'admin:config',
  'audit:list',
  'appointment:day',
  'ticket:lookup',
  'case:list',
  'live:snapshot',
  'board:settings',
  'printer:status',
  'printer:settings',
  'printer:unprinted',
  'window:figures',
  'pad:state',
  'kiosk:status',
];

beforeAll(async () => {
  t = await startTestHub();
  const plain = async (label: string, token: string, role: DeviceRole, windowId?: string) =>
    callers.push({ label, role, windowId, client: await t.connect(token) });
  await plain('kiosk', 'demo-kiosk-1', 'kiosk');
  await plain('board', 'demo-board-1', 'board');
  await plain('display of w01', 'demo-display-01', 'display', 'w01');
  await plain('window w01', 'demo-window-01', 'window', 'w01');
  await plain('pad of w01', 'demo-pad-01', 'pad', 'w01');
  await plain('print agent', 'demo-agent-kiosk-1', 'agent');
  // A real (not demo) console: nothing without a person signed in at it.
  const console = await pairDevice(t, { name: '管理室控制台', role: 'console' });
  callers.push({ label: 'console, nobody signed in', role: 'console', operator: null, client: await connectWithCookie(t.hub.url, console.token, undefined) });
  // Consoles whose person's session ended (signed out): nobody, the demo console included.
  for (const token of [console.token, 'demo-console-1']) {
    const ended = await signIn(t.hub.url, token, '0001');
    await fetch(`${t.hub.url}/api/session`, { method: 'DELETE', headers: { cookie: ended.cookie! } });
    callers.push({ label: `console ${token.slice(0, 12)}, session ended`, role: 'console', operator: null, client: await connectWithCookie(t.hub.url, token, ended.cookie) });
  }
  for (const [number, roles] of [['0003', ['evaluator']], ['0001', ['manager', 'staff']], ['0002', ['admin']]] as const) {
    const session = await signIn(t.hub.url, console.token, number);
    expect(session.status, number).toBe(200);
    const client = await connectWithCookie(t.hub.url, console.token, session.cookie);
    callers.push({ label: `console, ${roles.join('+')} signed in`, role: 'console', operator: { roles: [...roles] }, client });
  }
});
afterAll(async () => {
  for (const c of callers) c.client.disconnect();
  await t?.close();
});

/** What the table says this caller may send (at its own window, where the command names one). */
function allowed(caller: Caller, command: CommandName): boolean {
  if (!rule(command).roles.includes(caller.role)) return false;
  if (caller.role !== 'console') return true;
  if (!caller.operator) return false;
  return caller.operator.roles.some((r) => r === 'manager' || r === 'admin') || EVALUATOR_MAY.includes(command);
}

describe('roles × commands', () => {
  it('covers every command of the event map and every device role', () => {
    expect(COMMANDS.length).toBeGreaterThan(60);
    expect(new Set(callers.map((c) => c.role))).toEqual(new Set(['kiosk', 'board', 'display', 'window', 'pad', 'agent', 'console']));
  });

  it('lets an evaluator send exactly the reads written out above, and managers and admins every console command', () => {
    const evaluator = { name: '', demo: false, roles: ['evaluator' as const] };
    const consoleCommands = COMMANDS.filter((c) => rule(c).roles.includes('console'));
    expect(consoleCommands.filter((c) => operatorMay(evaluator, c)).sort()).toEqual([...EVALUATOR_MAY].sort());
    for (const roles of [['manager'], ['admin']] as const) {
      expect(consoleCommands.filter((c) => !operatorMay({ name: '', demo: false, roles: [...roles] }, c)), roles[0]).toEqual([]);
    }
  });

  it('refuses every command outside a caller’s rights, and lets every other one past the check', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const caller of callers) {
      const answers = await Promise.all(COMMANDS.map((command) => raw(caller.client, command, { windowId: caller.windowId ?? 'w01' })));
      COMMANDS.forEach((command, i) => {
        checked++;
        const error = answers[i]!.error;
        const code = error?.code;
        const atConsole = caller.role === 'console' && rule(command).roles.includes('console');
        const refusal = !atConsole ? 'FORBIDDEN' : caller.operator === null ? 'SIGN_IN_REQUIRED' : 'ROLE_FORBIDDEN';
        const refused = code === 'FORBIDDEN' || code === 'SIGN_IN_REQUIRED' || code === 'ROLE_FORBIDDEN';
        if (allowed(caller, command) ? refused : code !== refusal) wrong.push(`${caller.label} ${command}: ${code ?? 'ok'}`);
        // A person is told their role, never that the device may not.
        if (code === 'ROLE_FORBIDDEN' && !(caller.operator?.roles ?? []).every((r) => error!.message.includes(say(`role.${r}`, 'zh')))) {
          wrong.push(`${caller.label} ${command}: refusal does not name the role: ${error!.message}`);
        }
      });
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(callers.length * COMMANDS.length);
    expect(callers).toHaveLength(12);
  });

  it('refuses a window-bound device acting for another window', async () => {
    const wrong: string[] = [];
    for (const caller of callers.filter((c) => c.windowId)) {
      for (const command of COMMANDS.filter((c) => rule(c).ownWindow && allowed(caller, c))) {
        const code = (await raw(caller.client, command, { windowId: 'w02' })).error?.code;
        if (code !== 'FORBIDDEN') wrong.push(`${caller.label} ${command} for w02: ${code ?? 'ok'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets an evaluator read cases (audited) but change nothing', async () => {
    const evaluator = callers.find((c) => c.operator?.roles.includes('evaluator'))!.client;
    expect((await raw(evaluator, 'case:list', { cmdId: 'e0' })).ok).toBe(true);
    expect((await raw(evaluator, 'case:verify', { cmdId: 'e1', caseId: 'x', verdict: 'confirmed', notes: 'n', name: 'n' })).error?.code).toBe('ROLE_FORBIDDEN');
    expect((await raw(evaluator, 'case:contact', { cmdId: 'e3', caseId: '20261123-A001' })).error?.code).toBe('ROLE_FORBIDDEN');
    expect((await raw(evaluator, 'admin:saveRetention', { cmdId: 'e2', retention: { personalDataDays: 30 } })).error).toMatchObject({
      code: 'ROLE_FORBIDDEN',
      message: '评估员（只读）无权执行此操作',
    });
    const admin = callers.find((c) => c.operator?.roles.includes('admin'))!.client;
    const audit = await raw(admin, 'audit:list', {});
    expect(audit.data).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'personal.view', target: 'case:list', actor: expect.objectContaining({ staffId: 's0003' }) })]));
    const kiosk = callers.find((c) => c.role === 'kiosk')!.client;
    expect((await raw(kiosk, 'admin:config', {})).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/无权/), messageEn: expect.stringMatching(/may not/) });
  });
});
