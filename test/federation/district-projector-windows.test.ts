// The projector follows a window through a day as the hall's engine does: signed in, paused, back,
// signed out. (A parameter used both as a column value and in a comparison once stopped a hall's
// projection for good: PostgreSQL deduced two types for it.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectAll } from '../../district/src/projector.js';
import { RolledUpDays } from '../../district/src/ticket-days.js';
import { migrate } from '../../district/src/schema.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { districtClient } from './federation-helpers.js';

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgres();
});

afterAll(async () => {
  await cluster?.destroy();
});

it('projects a window signed in, paused, unpaused and signed out', async () => {
  const db = await districtClient(await cluster.createDatabase('district_windows'));
  try {
    await migrate(db);
    await db.query(`INSERT INTO halls (id, name, name_en, level, time_zone) VALUES ('hall-w', '窗口大厅', 'Hall', 'street', 'Asia/Shanghai')`);
    const at = Date.parse('2026-11-23T01:00:00Z');
    const events = [
      { type: 'day.started', at, day: '2026-11-23' },
      { type: 'staff.signedIn', at: at + 1, windowId: 'w01', staffId: 's1' },
      { type: 'window.paused', at: at + 2, windowId: 'w01', reason: 'break' },
      { type: 'window.unpaused', at: at + 3, windowId: 'w01' },
      { type: 'staff.signedIn', at: at + 4, windowId: 'w02', staffId: 's2' },
      { type: 'staff.signedOut', at: at + 5, windowId: 'w02', staffId: 's2' },
    ];
    for (const [i, event] of events.entries()) {
      const record = { v: 1, id: `w-${i + 1}`, hall: 'hall-w', seq: i + 1, day: '2026-11-23', at: event.at, event };
      await db.query(`INSERT INTO journal_records (hall, seq, id, day, at, type, record) VALUES ('hall-w', $1, $2, '2026-11-23', $3, $4, $5)`, [i + 1, record.id, event.at, event.type, JSON.stringify(record)]);
    }
    expect((await projectAll(db, Date.now(), new RolledUpDays())).applied).toBe(events.length);
    const windows = await db.query(`SELECT window_id, state, staff_id FROM windows WHERE hall = 'hall-w' ORDER BY window_id`);
    expect(windows.rows).toEqual([
      { window_id: 'w01', state: 'open', staff_id: 's1' },
      { window_id: 'w02', state: 'closed', staff_id: null },
    ]);
  } finally {
    await db.end();
  }
});
