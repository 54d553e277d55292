// The boards' settings in <dataDir>/boards.json: notice, voice, alert thresholds, and what each board
// shows. Resolving a board's filter to ids is pure, so a board never needs the hall's configuration.
import type { Device, HallConfig } from '@yichuang/shared/domain';
import { DEFAULT_VOICE, type BoardProfile, type BoardView, type LiveSettings } from '@yichuang/shared/live';
import type { Versioned } from '../storage/small-store.js';

export interface BoardsFile extends Versioned {
  settings: LiveSettings;
}

/** A board nobody has set up shows everything and voices. */
export const DEFAULT_PROFILE: BoardProfile = { categories: [], zones: [], voice: true };

export function defaultBoardsFile(): BoardsFile {
  return {
    schemaVersion: 1,
    settings: {
      notice: '',
      voice: { ...DEFAULT_VOICE },
      thresholds: { waitAlertMin: 30, pausedAlertMin: 20, tidalWaitMin: 40, offlineAlertSec: 60 },
      boards: {},
    },
  };
}

/** What board `device` shows and says: its profile's categories and zones resolved to ids. */
export function boardView(settings: LiveSettings, config: HallConfig, device: Device): BoardView {
  const { categories, zones, voice } = settings.boards[device.id] ?? DEFAULT_PROFILE;
  return {
    notice: settings.notice,
    voice: { ...settings.voice, enabled: voice },
    categories: categories.length ? categories : null,
    windows: zones.length ? config.windows.filter((w) => w.zone !== undefined && zones.includes(w.zone)).map((w) => w.id) : null,
  };
}
