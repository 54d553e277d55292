// The live domain's use cases: board settings, alerts (raised by the hub's checks and by other
// domains), tidal windows, and the managers' live board. Every change is durable before it is answered.
import type { Device, HallConfig, WindowView } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { Alert, AlertInput, BoardView, LiveBoard, LiveSettings, TidalSuggestion } from '@yichuang/shared/live';
import type * as S from '@yichuang/shared/live-schemas';
import type { z } from 'zod';
import type { Actor, CommandKey, HallService } from '../hall/hall-service.js';
import { publicWindow, type Views } from '../hall/views.js';
import { dataFolder } from '../storage/data-folder.js';
import { SmallStore } from '../storage/small-store.js';
import { acknowledge, emptyAlertsFile, raise, resolve, unresolvedKeys, type AlertsFile } from './alerts.js';
import { boardView, defaultBoardsFile, type BoardsFile } from './board-settings.js';
import { CHECK_PREFIX, runChecks } from './checks.js';
import { liveBoard } from './live-board.js';
import type { Presence } from './presence.js';

export interface LiveServiceDeps {
  dataDir: string;
  config: () => HallConfig;
  hall: HallService;
  views: Views;
  presence: Presence;
  clock: () => number;
  log: (line: string) => void;
}

export class LiveService {
  #suggestions: TidalSuggestion[] = [];
  /** Checks run one at a time, so two never raise the same alert. */
  #checking: Promise<unknown> = Promise.resolve();

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
      const { conditions, suggestions } = runChecks({
        now,
        config: this.config,
        state: this.deps.hall.current,
        queues: this.deps.views.queues(),
        thresholds: this.settings.thresholds,
        offlineSince: this.deps.presence.offlineSince,
      });
      this.#suggestions = suggestions;
      const open = unresolvedKeys(this.alerts.data.alerts, CHECK_PREFIX);
      const holding = new Set(conditions.map((c) => c.key));
      const begun = conditions.filter((c) => !open.has(c.key));
      const ended = [...open].filter((k) => !holding.has(k));
      if (begun.length === 0 && ended.length === 0) return;
      await this.alerts.update((d) => {
        for (const c of begun) raise(d, c, now);
        for (const k of ended) resolve(d, k, now);
      });
    });
    this.#checking = run.catch((err: unknown) => this.deps.log(`live check failed: ${(err as Error).stack ?? String(err)}`));
    return run;
  }

  /** The live board as of the last check. */
  board(): LiveBoard {
    return liveBoard({
      now: this.deps.clock(),
      config: this.config,
      state: this.deps.hall.current,
      queues: this.deps.views.queues(),
      alerts: this.alerts.data.alerts,
      suggestions: this.#suggestions,
      settings: this.settings,
    });
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

  async acknowledge(alertId: string, device: Device): Promise<Ack<Alert>> {
    const alert = await this.alerts.update((d) => {
      const a = acknowledge(d, alertId, device.id, this.deps.clock());
      return a && structuredClone(a);
    });
    return alert ? { ok: true, data: alert } : { ok: false, error: appError('UNKNOWN_ALERT') };
  }

  async assignTidal(windowId: string, categoryId: string, actor: Actor, key: CommandKey): Promise<Ack<WindowView>> {
    const result = await this.deps.hall.execute({ type: 'assignTidal', windowId, categoryId }, actor, key);
    if (!result.ok) return result;
    await this.check();
    // For a console: not shown the current ticket's masked identity (only window staff are).
    return { ok: true, data: publicWindow(this.deps.views.window(windowId)!) };
  }

  async updateSettings(input: z.output<typeof S.updateLiveSettings>): Promise<Ack<LiveSettings>> {
    const settings = await this.boards.update((d) => {
      if (input.notice !== undefined) d.settings.notice = input.notice;
      if (input.voice) d.settings.voice = input.voice;
      if (input.thresholds) d.settings.thresholds = input.thresholds;
      return d.settings;
    });
    await this.check();
    return { ok: true, data: settings };
  }

  async setBoard(input: z.output<typeof S.setBoard>): Promise<Ack<LiveSettings>> {
    const config = this.config;
    if (!config.devices.some((d) => d.id === input.deviceId && d.role === 'board')) {
      return { ok: false, error: appError('UNKNOWN_BOARD', { deviceId: input.deviceId }) };
    }
    const zone = input.zones.find((z) => !config.hall.zones.some((x) => x.id === z));
    if (zone) return { ok: false, error: appError('UNKNOWN_ZONE', { zone }) };
    const category = input.categories.find((c) => !config.categories.some((x) => x.id === c));
    if (category) return { ok: false, error: appError('UNKNOWN_CATEGORY', { categoryId: category }) };
    const settings = await this.boards.update((d) => {
      d.settings.boards[input.deviceId] = { categories: input.categories, zones: input.zones, voice: input.voice };
      return d.settings;
    });
    return { ok: true, data: settings };
  }

  /** Resolves when pending checks and writes are done (for a clean close). */
  async settled(): Promise<void> {
    await this.#checking;
    await Promise.all([this.boards.settled(), this.alerts.settled()]);
  }
}
