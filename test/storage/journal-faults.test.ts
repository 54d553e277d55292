// Damaged journals at start. A newest day file that a crash left empty (made, but its first record
// never written) must not cost the hall its open bad-rating cases and its appointment book: the hub
// starts from the last day that has records. A corrupt line inside a day stops the hub with a
// message in both languages naming the tool that repairs it; `journal:check` reports it and, with
// --repair, sets the line aside in a file and keeps the rest.
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serviceDay } from '@yichuang/shared/time';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { book, ok, slotAt } from '../appointments/rest.js';
import { hubProcesses, seedAllDayHall } from '../helpers/hub-process.js';
import { cmdId, connectClient, REPO_ROOT, startTestHub, tempDir, type TestHub } from '../helpers/test-hub.js';

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';
const { start, stop, refusal } = hubProcesses();
let inProcess: TestHub | undefined;
const folders: string[] = [];

afterEach(async () => {
  await inProcess?.close();
  inProcess = undefined;
});
afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await tempDir('yichuang-journal-');
  folders.push(dir);
  return dir;
}

function journalCheck(dataDir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'hub/dist/admin/journal-check-cli.js'), '--data', dataDir, ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('an empty newest journal file', () => {
  it('does not lose the open bad-rating case and the appointment book of the last day with records', async () => {
    const dataDir = await folder();
    await seedAllDayHall(dataDir);
    const yesterday = serviceDay(Date.now() - DAY, ZONE);
    const today = serviceDay(Date.now(), ZONE);

    // Yesterday: a visit rated very badly (a case opens) and a booking for tomorrow.
    inProcess = await startTestHub({ dataDir, start: Date.now() - DAY });
    const kiosk = await inProcess.connect('demo-kiosk-1');
    const window = await inProcess.connect('demo-window-02');
    const pad = await inProcess.connect('demo-pad-02');
    expect((await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w02', staffNumber: '0201', pin: '123456' })).ok).toBe(true);
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    for (const step of ['window:callNext', 'window:start'] as const) expect((await window.emitWithAck(step, { cmdId: cmdId(), windowId: 'w02' })).ok).toBe(true);
    expect((await window.emitWithAck('window:finish', { cmdId: cmdId(), windowId: 'w02', outcome: 'done' })).ok).toBe(true);
    const rated = await pad.emitWithAck('pad:rate', { cmdId: cmdId(), windowId: 'w02', ticketId: `${yesterday}/A001`, level: 'very-dissatisfied', reasons: ['服务态度'] });
    expect(rated.ok).toBe(true);
    const tomorrow = serviceDay(Date.now() + DAY, ZONE);
    const booked = ok(await book(inProcess, { categoryId: 'general', slotStart: (await slotAt(inProcess, 'general', tomorrow, '10:30')).start, phone: '13812345678' }));
    await inProcess.close();
    inProcess = undefined;

    // Today's file was made at midnight, and the hub died before its first record.
    await writeFile(path.join(dataDir, 'journal', `${today}.jsonl`), '');

    const hub = await start(dataDir);
    const cases = (await (await fetch(`${hub.url}/api/cases`, { headers: { authorization: 'Bearer demo-console-1' } })).json()) as { data: Array<{ id: string }> };
    expect(cases.data.map((c) => c.id)).toEqual([`${yesterday.replaceAll('-', '')}-A001`]);
    const found = await fetch(`${hub.url}/api/appointments/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: booked.code, phoneTail: '5678' }),
    });
    expect(await found.json()).toMatchObject({ ok: true, data: { code: booked.code, day: tomorrow } });
  });
});

describe('a corrupt line inside a day', () => {
  it('stops the hub with a message in both languages, and journal:check --repair sets the line aside and keeps the rest', async () => {
    const dataDir = await folder();
    await seedAllDayHall(dataDir);
    const first = await start(dataDir);
    const kiosk = await connectClient(first.url, 'demo-kiosk-1');
    const window = await connectClient(first.url, 'demo-window-01');
    for (let i = 0; i < 3; i++) expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    expect((await window.emitWithAck('staff:signIn', { cmdId: cmdId(), windowId: 'w01', staffNumber: '0101', pin: '123456' })).ok).toBe(true);
    expect((await window.emitWithAck('window:callNext', { cmdId: cmdId(), windowId: 'w01' })).ok).toBe(true);
    expect((await window.emitWithAck('window:recall', { cmdId: cmdId(), windowId: 'w01' })).ok).toBe(true);
    expect((await kiosk.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).ok).toBe(true);
    kiosk.disconnect();
    window.disconnect();
    await stop(first);

    // The recall's line turns to zeros, as a block lost in a power cut reads back.
    const [name] = (await readdir(path.join(dataDir, 'journal'))).filter((f) => f.endsWith('.jsonl'));
    const file = path.join(dataDir, 'journal', name!);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const bad = lines.findIndex((l) => l.includes('"ticket.recalled"'));
    expect(bad).toBeGreaterThan(0);
    expect(bad).toBeLessThan(lines.length - 2);
    const zeros = '\0'.repeat(Buffer.byteLength(lines[bad]!));
    await writeFile(file, [...lines.slice(0, bad), zeros, ...lines.slice(bad + 1)].join('\n'));

    const refused = await refusal(dataDir);
    expect(refused).toMatch(/exited with 1/);
    expect(refused).toMatch(new RegExp(`${name}.*第 ${bad + 1} 行.*损坏.*journal:check.*--repair[\\s\\S]*line ${bad + 1}.*corrupt`));

    const checked = journalCheck(dataDir);
    expect(checked.status).toBe(1);
    expect(checked.out).toMatch(new RegExp(`${name}.*第 ${bad + 1} 行.*损坏[\\s\\S]*line ${bad + 1}.*corrupt`));
    expect(await readFile(file, 'utf8')).toContain(zeros); // checking changes nothing

    const repaired = journalCheck(dataDir, '--repair');
    expect(repaired.status).toBe(0);
    expect(repaired.out).toMatch(/另存[\s\S]*set aside/);
    const [aside] = await readdir(path.join(dataDir, 'journal-damaged'));
    expect(await readFile(path.join(dataDir, 'journal-damaged', aside!), 'utf8')).toContain(zeros);
    expect((await readFile(file, 'utf8')).split('\n')).toEqual([...lines.slice(0, bad), ...lines.slice(bad + 1)]);
    expect(journalCheck(dataDir).status).toBe(0);

    // The rest of the day is back: the four tickets, A001 called, and numbering goes on.
    const again = await start(dataDir);
    for (const number of ['A001', 'A002', 'A003', 'A004']) expect((await fetch(`${again.url}/api/tickets/${number}`)).status).toBe(200);
    expect(await (await fetch(`${again.url}/api/tickets/A001`)).json()).toMatchObject({ data: { state: 'called' } });
    const kiosk2 = await connectClient(again.url, 'demo-kiosk-1');
    expect(await kiosk2.emitWithAck('ticket:issue', { cmdId: cmdId(), categoryId: 'general' })).toMatchObject({ ok: true, data: { ticket: { number: 'A005' } } });
    kiosk2.disconnect();
  });
});
