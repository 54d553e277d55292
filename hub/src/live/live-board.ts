// The managers' live board, projected from engine state and configuration at time `now` (pure).
import type { HallConfig, QueueView } from '@yichuang/shared/domain';
import type { Alert, BoardDevice, CategoryLive, LiveBoard, LiveSettings, RatingsToday, TidalSuggestion, WindowLive } from '@yichuang/shared/live';
import { isBadLevel } from '@yichuang/shared/ratings';
import { windowCategories, type EngineState } from '../engine/index.js';
import { forDisplay } from './alerts.js';
import { DEFAULT_PROFILE } from './board-settings.js';
import { averageWaits, currentPeriodStart, longestWaiting, minutesBetween, servedByWindow } from './waits.js';

export interface LiveBoardInput {
  now: number;
  config: HallConfig;
  state: EngineState;
  queues: readonly QueueView[];
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

function categories({ now, config, state, queues }: LiveBoardInput): CategoryLive[] {
  const averages = averageWaits(state);
  const longestOf = longestWaiting(state);
  return config.categories.map((c) => {
    const q = queues.find((x) => x.categoryId === c.id);
    const longest = longestOf.get(c.id);
    return {
      categoryId: c.id,
      prefix: c.prefix,
      name: c.name,
      nameEn: c.nameEn,
      waiting: q?.waiting ?? 0,
      estimatedWaitMin: q?.estimatedWaitMin ?? 0,
      longest: longest && { ticketNumber: longest.number, waitMin: minutesBetween(currentPeriodStart(longest), now) },
      averageWaitMin: averages.get(c.id) ?? null,
    };
  });
}

/** Today's ratings per window (未评价 is not a rating); windows nobody rated are absent. */
export function ratingsByWindow(state: EngineState): Map<string, RatingsToday> {
  const byWindow = new Map<string, RatingsToday>();
  const ratings = state.evaluation?.ratings ?? {};
  // for…in, not Object.values: a day's ratings are a dictionary of some thousands (waits.ts).
  for (const id in ratings) {
    const r = ratings[id]!;
    if (r.level === 'unrated') continue;
    const row = byWindow.get(r.windowId) ?? { rated: 0, satisfied: 0, bad: 0 };
    row.rated++;
    if (r.level === 'very-satisfied' || r.level === 'satisfied') row.satisfied++;
    if (isBadLevel(r.level)) row.bad++;
    byWindow.set(r.windowId, row);
  }
  return byWindow;
}

function windows({ now, config, state }: LiveBoardInput): WindowLive[] {
  const served = servedByWindow(state);
  const ratings = ratingsByWindow(state);
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
      servedToday: served.get(w.id) ?? 0,
    };
    if (live?.pauseReason) row.pauseReason = live.pauseReason;
    if (live?.assignedCategoryId !== undefined) row.normalCategories = [...w.categories];
    if (staff) row.staffName = staff.name;
    if (ticket) row.current = { ticketNumber: ticket.number, state: ticket.state, minutes: minutesBetween(currentPeriodStart(ticket), now) };
    const rated = ratings.get(w.id);
    if (rated) row.ratingsToday = rated;
    return row;
  });
}
