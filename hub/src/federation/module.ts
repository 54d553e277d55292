// Wires the forwarder into a hub started with --federate: it follows the hall's durable records and
// its kiosk presence files, and names the hall and publishes its configuration as they are at each
// connection and after each change (level 'centre' when not set).
import type { HallConfig } from '@yichuang/shared/domain';
import type { FederateOptions } from '../config.js';
import type { HallService } from '../hall/hall-service.js';
import { dataFolder } from '../storage/data-folder.js';
import { DayFiles, type Dated } from '../storage/day-files.js';
import type { Journal } from '../storage/journal.js';
import type { DistrictConfig } from './district-config.js';
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
  /** Where what the district publishes is kept (hub.ts opens it before the hall, so its holidays count from the start). */
  districtConfig: DistrictConfig;
  log: (line: string) => void;
}

export function startForwarder({ federate, journal, hall, config, dataDir, districtConfig, log }: FederationDeps): Forwarder {
  let takeProblem = '';
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
    // Taking the district's documents never stops forwarding: a failure is logged once and tried at the next heartbeat.
    whileLinked: (link) =>
      districtConfig.take(link, log).then(
        () => void (takeProblem = ''),
        (err: Error) => {
          if (err.message !== takeProblem) log(`federation: 领取区级配置失败，稍后重试 / taking the district's configuration failed, retrying: ${err.message}`);
          takeProblem = err.message;
        },
      ),
    log,
  });
  hall.onRecords(forwarder.onRecords);
  forwarder.start();
  return forwarder;
}
