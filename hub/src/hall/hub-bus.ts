// In-process notifications between the hub's domains (device presence, printer state, help requests),
// so one domain can react to another without importing it.
import { EventEmitter } from 'node:events';
import type { Device, ServiceDay } from '@yichuang/shared/domain';
import type { AlertInput } from '@yichuang/shared/live';

/** Event name → listener arguments. Domains add their events here. */
export interface HubBusEvents {
  'device:online': [device: Device];
  'device:offline': [device: Device];
  /** Any domain raises an alert for the managers' live board. */
  'alert:raise': [alert: AlertInput];
  /** The cause of the alert of this key has ended: the alert closes (and its history says when). */
  'alert:resolve': [key: string];
  /** The retention job ran: personal data from service days before `before` must go, wherever a domain keeps it. */
  'retention:due': [before: ServiceDay];
}

export class HubBus {
  readonly #emitter = new EventEmitter();

  emit<E extends keyof HubBusEvents>(event: E, ...args: HubBusEvents[E]): void {
    this.#emitter.emit(event, ...args);
  }

  on<E extends keyof HubBusEvents>(event: E, listener: (...args: HubBusEvents[E]) => void): void {
    this.#emitter.on(event, listener as (...args: unknown[]) => void);
  }
}
