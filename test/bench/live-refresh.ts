// `npx tsx test/bench/live-refresh.ts [HUB_SRC]`: CPU and garbage collection of one live refresh (the
// checks, then the board for the consoles) on a busy day of the bench history (#19). HUB_SRC is the hub
// source to measure (default hub/src): a copy of an older commit's hub/src under the worktree measures
// that commit's refresh beside this one's. Needs the bench history (npm run bench makes it in .tmp).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const root = path.resolve(process.argv[2] ?? 'hub/src');
const history = readdirSync('.tmp/bench-data').find((d) => d.startsWith('365d-') && !d.endsWith('.partial'));
if (!history) throw new Error('no bench history in .tmp/bench-data: run the bench once');
const data = path.join('.tmp/bench-data', history, 'data');
/** A busy working day, cut at mid-afternoon: ~1,500 tickets, some waiting, some rated. */
const DAY = '2026-12-01';
const SHARE = 0.7;
const REFRESHES = 400;

const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);
const { initialState, evolve } = await load('engine/index.ts');
const { QueueIndex } = await load('hall/queue-index.ts');
const { Views } = await load('hall/views.ts');
const { runChecks } = await load('live/checks.ts');
const { liveBoard } = await load('live/live-board.ts');
const { tidalSuggestions } = await load('live/tidal.ts');
const { defaultBoardsFile } = await load('live/board-settings.ts');
// Only after #19's day figures: the checks and the board read them, made once per refresh.
const figuresModule = await load('live/day-figures.ts').catch(() => undefined);

const config = JSON.parse(readFileSync(path.join(data, 'config.json'), 'utf8'));
const lines = readFileSync(path.join(data, 'journal', `${DAY}.jsonl`), 'utf8').trim().split('\n');
let state = initialState();
const cut = lines.slice(0, Math.floor(lines.length * SHARE));
for (const line of cut) state = evolve(state, JSON.parse(line).event);
const index = new QueueIndex(state);
const now: number = JSON.parse(cut.at(-1)!).at;
const views = new Views(() => state, () => config, () => now, () => 1, () => index);
const settings = defaultBoardsFile().settings;

function refresh(): number {
  const queues = views.queues();
  const figures = figuresModule?.dayFigures(index);
  const base = { now, config, state, queues, figures, alerts: [] };
  const checks = runChecks({ ...base, thresholds: settings.thresholds, offlineSince: new Map(), online: new Set(), startedAt: now });
  const board = liveBoard({ ...base, suggestions: tidalSuggestions(state, config, queues, settings.thresholds.tidalWaitMin), settings });
  return checks.conditions.length + board.windows.length;
}

for (let i = 0; i < 100; i++) refresh(); // warm: optimised as in a hub that has run a while
let gcs = 0;
let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcs++;
    gcMs += e.duration;
  }
});
observer.observe({ entryTypes: ['gc'] });
const cpu = process.cpuUsage();
const heap = process.memoryUsage().heapUsed;
for (let i = 0; i < REFRESHES; i++) refresh();
const used = process.cpuUsage(cpu);
await new Promise((r) => setTimeout(r, 50)); // gc entries arrive asynchronously
observer.disconnect();
const tickets = Object.keys(state.tickets).length;
console.log(
  `${path.relative(process.cwd(), root)}: ${tickets} tickets, ${index.waitingByCategory ? 'day figures' : 'day walks'}; ` +
    `${((used.user + used.system) / 1000 / REFRESHES).toFixed(3)} ms CPU a refresh; ${gcs} GCs (${gcMs.toFixed(1)} ms) in ${REFRESHES} refreshes; ` +
    `heap ${((process.memoryUsage().heapUsed - heap) / 1e6).toFixed(1)} MB after`,
);
