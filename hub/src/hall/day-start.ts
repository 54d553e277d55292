// The service day starts when the hall's clock passes midnight (Asia/Shanghai), not when its first
// ticket is taken: boards, kiosks and the integrations API show the new day (empty queues, windows
// closed) at once. The hub checks every second, so a clock that is set forward is followed too.
import type { HallConfig } from '@yichuang/shared/domain';
import { serviceDay } from '@yichuang/shared/time';
import { HUB_ACTOR, type HallService } from './hall-service.js';

const CHECK_EVERY_MS = 1000;

/** Starts today now if the hub starts on a day it has not begun (resolving once it has), then every midnight. */
export async function startDaysOnTime(hall: HallService, config: () => HallConfig, clock: () => number, log: (line: string) => void): Promise<{ stop(): void }> {
  let starting: Promise<void> | undefined;
  const check = (): Promise<void> => {
    if (starting || hall.current.day === serviceDay(clock(), config().hall.timeZone)) return starting ?? Promise.resolve();
    starting = hall.execute({ type: 'startDay' }, HUB_ACTOR).then(
      (result) => {
        if (!result.ok) log(`day not started: ${result.error.messageEn}`);
        starting = undefined;
      },
      (err: unknown) => {
        log(`day not started: ${String(err)}`);
        starting = undefined;
      },
    );
    return starting;
  };
  await check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
