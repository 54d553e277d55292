// The managers' live board, projected from engine state and configuration at time `now` (pure).
import type { HallConfig, QueueView } from '@yichuang/shared/domain';
import type { Alert, BoardDevice, CategoryLive, LiveBoard, LiveSettings, TidalSuggestion, WindowLive } from '@yichuang/shared/live';
import { windowCategories, type EngineState } from '../engine/index.js';
import { forDisplay } from './alerts.js';
import { DEFAULT_PROFILE } from './board-settings.js';
import type { DayFigures } from './day-figures.js';
import { currentPeriodStart, minutesBetween } from './waits.js';

export interface LiveBoardInput {
  now: number;
  config: HallConfig;
  state: EngineState;
  queues: readonly QueueView[];
  /** The day's figures, the same the checks just read. */
  figures: DayFigures;
  alerts: readonly Alert[];
  suggestions: TidalSuggestion[];
  settings: LiveSettings;
}

export function liveBoard(input: LiveBoardInput): LiveBoard {
  return {
    at: input.now,
    categories: categories(input),
    windows: windows(input),
    alerts: forDisplay(input.alerts),
    suggestions: input.suggestions,
    settings: input.settings,
    boards: boards(input),
    zones: input.config.hall.zones.map(({ id, name, nameEn }) => ({ id, name, nameEn })),
  };
}

function boards({ config, settings }: LiveBoardInput): BoardDevice[] {
  return config.devices
    .filter((d) => d.role === 'board')
    .map((d) => ({
      deviceId: d.id,
      name: d.name,
      zone: d.zone,
      profile: settings.boards[d.id] ?? DEFAULT_PROFILE,
    }));
}

function categories({ now, config, queues, figures }: LiveBoardInput): CategoryLive[] {
  return config.categories.map((c) => {
    const q = queues.find((x) => x.categoryId === c.id);
    const longest = figures.longest.get(c.id);
    return {
      categoryId: c.id,
      prefix: c.prefix,
      name: c.name,
      nameEn: c.nameEn,
      waiting: q?.waiting ?? 0,
      estimatedWaitMin: q?.estimatedWaitMin ?? 0,
      longest: longest && { ticketNumber: longest.number, waitMin: minutesBetween(currentPeriodStart(longest), now) },
      averageWaitMin: figures.averageWaitMin.get(c.id) ?? null,
    };
  });
}

function windows({ now, config, state, figures }: LiveBoardInput): WindowLive[] {
  return config.windows.map((w) => {
    const live = state.windows[w.id];
    const ticket = live?.currentTicketId ? state.tickets[live.currentTicketId] : undefined;
    const staff = live?.staffId ? config.staff.find((s) => s.id === live.staffId) : undefined;
    const row: WindowLive = {
      windowId: w.id,
      number: w.number,
      name: w.name,
      nameEn: w.nameEn,
      kind: w.kind,
      categories: [...windowCategories(state, w)],
      status: live?.status ?? 'closed',
      statusMin: live ? minutesBetween(live.since, now) : 0,
      servedToday: figures.served.get(w.id) ?? 0,
    };
    if (live?.pauseReason) row.pauseReason = live.pauseReason;
    if (live?.assignedCategoryId !== undefined) row.normalCategories = [...w.categories];
    if (staff) row.staffName = staff.name;
    if (ticket) row.current = { ticketNumber: ticket.number, state: ticket.state, minutes: minutesBetween(currentPeriodStart(ticket), now) };
    const rated = figures.ratings.get(w.id);
    if (rated) row.ratingsToday = rated;
    return row;
  });
}
