// The live domain's use cases: board settings, alerts (raised by the hub's checks and by other
// domains), tidal windows, and the managers' live board. Every change is durable before it is answered.
import type { AuditActor, AuditEntry } from '@yichuang/shared/admin';
import type { LookAhead } from '@yichuang/shared/capacity';
import type { Device, HallConfig, WindowView } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { Alert, AlertInput, BoardView, LiveBoard, LiveSettings } from '@yichuang/shared/live';
import type * as S from '@yichuang/shared/live-schemas';
import type { z } from 'zod';
import type { Actor, CommandKey, HallService } from '../hall/hall-service.js';
import { publicWindow, type Views } from '../hall/views.js';
import { windowCategories } from '../engine/index.js';
import type { AuditLog } from '../security/audit-log.js';
import { writeAudit } from '../security/audit-write.js';
import { dataFolder } from '../storage/data-folder.js';
import { SmallStore } from '../storage/small-store.js';
import { acknowledge, acknowledgeAll, acknowledgement, emptyAlertsFile, raise, resolve, unresolvedKeys, type AlertsFile } from './alerts.js';
import { boardView, DEFAULT_PROFILE, defaultBoardsFile, type BoardsFile } from './board-settings.js';
import { CHECK_PREFIX } from './check-input.js';
import { runChecks } from './checks.js';
import { dayFigures, type DayFigures } from './day-figures.js';
import { liveBoard } from './live-board.js';
import { LOOK_AHEAD_MIN, tidalSuggestions } from './tidal.js';
import type { Presence } from './presence.js';

export interface LiveServiceDeps {
  dataDir: string;
  config: () => HallConfig;
  hall: HallService;
  views: Views;
  presence: Presence;
  audit: AuditLog;
  clock: () => number;
  log: (line: string) => void;
  /** Arrivals expected per category from `now` for `minutes`; undefined until there is a forecast. */
  lookAhead?: (now: number, minutes: number) => LookAhead | undefined;
}

export class LiveService {
  /** Checks run one at a time, so two never raise the same alert. */
  #checking: Promise<unknown> = Promise.resolve();
  /** The day's figures as of a hall version: the checks and the board of one refresh share them, and a refresh with no new records makes none. */
  #figures: { version: number; figures: DayFigures } | undefined;

  private constructor(
    private readonly deps: LiveServiceDeps,
    private readonly boards: SmallStore<BoardsFile>,
    private readonly alerts: SmallStore<AlertsFile>,
  ) {}

  static async open(deps: LiveServiceDeps): Promise<LiveService> {
    const folder = dataFolder(deps.dataDir);
    const boards = await SmallStore.open(folder.boards, defaultBoardsFile, deps.log);
    const alerts = await SmallStore.open(folder.alerts, emptyAlertsFile, deps.log);
    return new LiveService(deps, boards, alerts);
  }

  private get config(): HallConfig {
    return this.deps.config();
  }

  get settings(): LiveSettings {
    return this.boards.data.settings;
  }

  boardView(device: Device): BoardView {
    return boardView(this.settings, this.config, device);
  }

  /** Runs the hub's checks now: raises alerts whose condition began, resolves those whose condition ended. */
  check(): Promise<void> {
    const run = this.#checking.then(async () => {
      const now = this.deps.clock();
      const { conditions, ended: endedElsewhere } = runChecks({
        now,
        config: this.config,
        state: this.deps.hall.current,
        queues: this.deps.views.queues(),
        figures: this.#dayFigures(),
        thresholds: this.settings.thresholds,
        offlineSince: this.deps.presence.offlineSince,
        online: this.deps.presence.connected,
        startedAt: this.deps.presence.startedAt,
        alerts: this.alerts.data.alerts,
      });
      const open = unresolvedKeys(this.alerts.data.alerts, CHECK_PREFIX);
      const holding = new Set(conditions.map((c) => c.key));
      const begun = conditions.filter((c) => !open.has(c.key));
      const ended = [...[...open].filter((k) => !holding.has(k)), ...endedElsewhere];
      if (begun.length === 0 && ended.length === 0) return;
      await this.alerts.update((d) => {
        for (const c of begun) raise(d, c, now);
        for (const k of ended) resolve(d, k, now);
      });
    });
    this.#checking = run.catch((err: unknown) => this.deps.log(`live check failed: ${(err as Error).stack ?? String(err)}`));
    return run;
  }

  /** The live board now, its alerts as of the last check. Suggestions and queue rows come from the same figures. */
  board(): LiveBoard {
    const state = this.deps.hall.current;
    const queues = this.deps.views.queues();
    const now = this.deps.clock();
    return liveBoard({
      now,
      config: this.config,
      state,
      queues,
      figures: this.#dayFigures(),
      alerts: this.alerts.data.alerts,
      suggestions: tidalSuggestions(state, this.config, queues, this.settings.thresholds.tidalWaitMin, this.deps.lookAhead?.(now, LOOK_AHEAD_MIN)),
      settings: this.settings,
    });
  }

  #dayFigures(): DayFigures {
    const version = this.deps.hall.version;
    if (this.#figures?.version !== version) this.#figures = { version, figures: dayFigures(this.deps.hall.queues) };
    return this.#figures.figures;
  }

  /** An alert from another domain (bad rating, help request, printer). */
  raise(input: AlertInput): Promise<Alert> {
    return this.alerts.update((d) => structuredClone(raise(d, input, this.deps.clock())));
  }

  /** Another domain's alert whose cause has ended (a printer ready again): it closes, if it is open. */
  async resolve(key: string): Promise<void> {
    if (!this.alerts.data.alerts.some((a) => a.key === key && a.resolvedAt === undefined)) return;
    await this.alerts.update((d) => resolve(d, key, this.deps.clock()));
  }

  async acknowledge(alertId: string, actor: AuditActor): Promise<Ack<Alert>> {
    let acknowledgedNow = false;
    const alert = await this.alerts.update((d) => {
      acknowledgedNow = d.alerts.some((a) => a.id === alertId && !a.acknowledged);
      const a = acknowledge(d, alertId, acknowledgement(actor, this.deps.clock()));
      return a && structuredClone(a);
    });
    if (!alert) return { ok: false, error: appError('UNKNOWN_ALERT') };
    // Acknowledged before (a retry, or another manager): nothing new for the log.
    if (acknowledgedNow) await this.#audit({ actor, action: 'alert.acknowledge', target: alert.id, after: { message: alert.message, messageEn: alert.messageEn } });
    return { ok: true, data: alert };
  }

  /** Acknowledges every open alert at once; answers those it acknowledged. */
  async acknowledgeAll(actor: AuditActor): Promise<Ack<Alert[]>> {
    const done = await this.alerts.update((d) => structuredClone(acknowledgeAll(d, acknowledgement(actor, this.deps.clock()))));
    if (done.length) await this.#audit({ actor, action: 'alert.acknowledgeAll', target: `${done.length}`, after: { messages: done.map((a) => a.message), messagesEn: done.map((a) => a.messageEn) } });
    return { ok: true, data: done };
  }

  /** Switches a tidal window (assignTidal) or puts it back (restoreTidal, no category): journaled, then audited. */
  async tidal(windowId: string, categoryId: string | undefined, actor: AuditActor & Actor, key: CommandKey): Promise<Ack<WindowView>> {
    const def = this.config.windows.find((w) => w.id === windowId);
    const before = def && windowCategories(this.deps.hall.current, def).map((c) => c.categoryId);
    const command = categoryId === undefined ? { type: 'restoreTidal' as const, windowId } : { type: 'assignTidal' as const, windowId, categoryId };
    const result = await this.deps.hall.execute(command, { deviceId: actor.deviceId, staffId: actor.staffId }, key);
    if (!result.ok) return result;
    const after = def && windowCategories(this.deps.hall.current, def).map((c) => c.categoryId);
    // A retry (answered with the records it made then), or a switch to what it serves already: nothing new to audit.
    if (result.data.length && JSON.stringify(before) !== JSON.stringify(after)) {
      await this.#audit({ actor, action: categoryId === undefined ? 'tidal.restore' : 'tidal.assign', target: windowId, before: { categories: before }, after: { categories: after } });
    }
    await this.check();
    // For a console: not shown the current ticket's masked identity (only window staff are).
    return { ok: true, data: publicWindow(this.deps.views.window(windowId)!) };
  }

  async updateSettings(input: z.output<typeof S.updateLiveSettings>, actor: AuditActor): Promise<Ack<LiveSettings>> {
    const before = structuredClone(this.settings);
    const settings = await this.boards.update((d) => {
      if (input.notice !== undefined) d.settings.notice = input.notice;
      if (input.voice) d.settings.voice = input.voice;
      if (input.thresholds) d.settings.thresholds = input.thresholds;
      return structuredClone(d.settings);
    });
    const { boards: _b, ...was } = before;
    const { boards: _a, ...now } = settings;
    await this.#audit({ actor, action: 'live.settings', target: 'boards', before: was, after: now });
    await this.check();
    return { ok: true, data: settings };
  }

  /** The change is durable; an audit log that cannot be written is reported, not turned into a failure (writeAudit). */
  async #audit(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    await writeAudit(this.deps.audit, this.deps.log, entry);
  }

  async setBoard(input: z.output<typeof S.setBoard>, actor: AuditActor): Promise<Ack<LiveSettings>> {
    const config = this.config;
    if (!config.devices.some((d) => d.id === input.deviceId && d.role === 'board')) {
      return { ok: false, error: appError('UNKNOWN_BOARD', { deviceId: input.deviceId }) };
    }
    const zone = input.zones.find((z) => !config.hall.zones.some((x) => x.id === z));
    if (zone) return { ok: false, error: appError('UNKNOWN_ZONE', { zone }) };
    const category = input.categories.find((c) => !config.categories.some((x) => x.id === c));
    if (category) return { ok: false, error: appError('UNKNOWN_CATEGORY', { categoryId: category }) };
    const before = this.settings.boards[input.deviceId] ?? DEFAULT_PROFILE;
    const settings = await this.boards.update((d) => {
      d.settings.boards[input.deviceId] = { categories: input.categories, zones: input.zones, voice: input.voice };
      return structuredClone(d.settings);
    });
    await this.#audit({ actor, action: 'board.set', target: input.deviceId, before, after: settings.boards[input.deviceId] });
    return { ok: true, data: settings };
  }

  /** Resolves when pending checks and writes are done (for a clean close). */
  async settled(): Promise<void> {
    await this.#checking;
    await Promise.all([this.boards.settled(), this.alerts.settled()]);
  }
}
