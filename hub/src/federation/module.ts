// Wires the forwarder into a hub started with --federate: it follows the hall's durable records and
// its kiosk presence files, and names the hall and publishes its configuration as they are at each
// connection and after each change (level 'centre' when not set).
import type { HallConfig } from '@yichuang/shared/domain';
import type { FederateOptions } from '../config.js';
import type { HallService } from '../hall/hall-service.js';
import { dataFolder } from '../storage/data-folder.js';
import { DayFiles, type Dated } from '../storage/day-files.js';
import type { Journal } from '../storage/journal.js';
import { Forwarder } from './forwarder.js';
import { JournalTail } from './journal-tail.js';
import { PresenceTail } from './presence-tail.js';
import { publishedConfig } from './published-config.js';

export interface FederationDeps {
  federate: FederateOptions;
  journal: Journal;
  hall: HallService;
  config: () => HallConfig;
  dataDir: string;
  log: (line: string) => void;
}

export function startForwarder({ federate, journal, hall, config, dataDir, log }: FederationDeps): Forwarder {
  const forwarder = new Forwarder({
    ...federate,
    tail: new JournalTail(journal),
    // Read only: the kiosk domain writes these files.
    presence: new PresenceTail(new DayFiles<Dated>(dataFolder(dataDir).presence, () => config().hall.timeZone)),
    hall: () => {
      const { id, name, nameEn, level = 'centre', timeZone } = config().hall;
      return { id, name, nameEn, level, timeZone };
    },
    config: () => publishedConfig(config()),
    log,
  });
  hall.onRecords(forwarder.onRecords);
  forwarder.start();
  return forwarder;
}
