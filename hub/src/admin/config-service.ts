// The hall's configuration as managers change it on the console: hall and hours, queue rules,
// categories, windows, evaluation and retention. Each change is checked against the rest of the
// configuration and today's queue, applied live (the engine reads the configuration per command),
// and audited. Staff accounts are in staff-service.ts, devices in device-service.ts.
import type { AdminConfig, AuditActor } from '@yichuang/shared/admin';
import type * as A from '@yichuang/shared/admin-schemas';
import type { Category, HallConfig, ServiceWindow } from '@yichuang/shared/domain';
import type { Ack } from '@yichuang/shared/errors';
import { OPEN_TICKET_STATES } from '@yichuang/shared/tickets';
import type { z } from 'zod';
import { applyChange, refuse, type ChangeDeps } from './config-change.js';

export class ConfigService {
  constructor(private readonly deps: ChangeDeps) {}

  saveHall({ hall }: z.output<typeof A.saveHall>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return applyChange(this.deps, actor, {
      action: 'hall.save',
      target: 'hall',
      mutate: (draft) => {
        const zones = new Set(hall.zones.map((z) => z.id));
        const stranded = [...draft.windows, ...draft.devices].find((x) => x.zone !== undefined && !zones.has(x.zone));
        if (stranded?.zone) refuse('ZONE_IN_USE', { zone: stranded.zone });
        const before = draft.hall;
        // The hall's id and time zone are not the console's to change: journals and days depend on them.
        draft.hall = { ...before, ...hall };
        return { before, after: draft.hall };
      },
    });
  }

  saveRules({ rules }: z.output<typeof A.saveRules>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return this.#section('rules', rules, actor);
  }

  saveEvaluation({ evaluation }: z.output<typeof A.saveEvaluation>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return this.#section('evaluation', evaluation, actor);
  }

  saveRetention({ retention }: z.output<typeof A.saveRetention>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return this.#section('retention', retention, actor);
  }

  saveCategory({ category, isNew }: z.output<typeof A.saveCategory>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return applyChange(this.deps, actor, {
      action: isNew ? 'category.add' : 'category.save',
      target: category.id,
      mutate: (draft) => {
        const i = draft.categories.findIndex((c) => c.id === category.id);
        if (isNew && i >= 0) refuse('DUPLICATE_ID', { id: category.id }, 'category.id');
        if (!isNew && i < 0) refuse('UNKNOWN_CATEGORY', { categoryId: category.id });
        const other = draft.categories.find((c) => c.prefix === category.prefix && c.id !== category.id);
        if (other) refuse('DUPLICATE_PREFIX', { prefix: category.prefix, name: other.name }, 'category.prefix');
        const before = draft.categories[i];
        // Numbers are prefix + the category's count today: a prefix switched mid-day could hand out
        // a number already given to someone else.
        if (before?.prefix !== category.prefix) {
          const tickets = Object.values(this.deps.state().tickets);
          if (before && tickets.some((t) => t.categoryId === before.id)) refuse('PREFIX_IN_USE_TODAY', { prefix: before.prefix });
          if (tickets.some((t) => numberPrefix(t.number) === category.prefix)) refuse('PREFIX_IN_USE_TODAY', { prefix: category.prefix });
        }
        const next: Category = category;
        if (i >= 0) draft.categories[i] = next;
        else draft.categories.push(next);
        return { before, after: next };
      },
    });
  }

  removeCategory({ categoryId }: z.output<typeof A.removeCategory>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return applyChange(this.deps, actor, {
      action: 'category.remove',
      target: categoryId,
      mutate: (draft) => {
        const before = draft.categories.find((c) => c.id === categoryId);
        if (!before) refuse('UNKNOWN_CATEGORY', { categoryId });
        const serving = draft.windows.filter((w) => w.categories.some((c) => c.categoryId === categoryId));
        if (serving.length) refuse('CATEGORY_IN_USE', { windows: serving.map((w) => w.number).join('、') });
        const open = Object.values(this.deps.state().tickets).filter((t) => t.categoryId === categoryId && OPEN_TICKET_STATES.has(t.state)).length;
        if (open) refuse('CATEGORY_HAS_TICKETS', { count: open });
        draft.categories = draft.categories.filter((c) => c.id !== categoryId);
        return { before };
      },
    });
  }

  saveWindow({ window, isNew }: z.output<typeof A.saveWindow>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return applyChange(this.deps, actor, {
      action: isNew ? 'window.add' : 'window.save',
      target: window.id,
      mutate: (draft) => {
        const i = draft.windows.findIndex((w) => w.id === window.id);
        if (isNew && i >= 0) refuse('DUPLICATE_ID', { id: window.id }, 'window.id');
        if (!isNew && i < 0) refuse('UNKNOWN_WINDOW', { windowId: window.id });
        if (draft.windows.some((w) => w.number === window.number && w.id !== window.id)) refuse('DUPLICATE_WINDOW_NUMBER', { number: window.number }, 'window.number');
        const missing = window.categories.find((c) => !draft.categories.some((x) => x.id === c.categoryId));
        if (missing) refuse('UNKNOWN_CATEGORY', { categoryId: missing.categoryId });
        if (window.zone !== undefined && !draft.hall.zones.some((z) => z.id === window.zone)) refuse('UNKNOWN_ZONE', { zone: window.zone });
        const before = draft.windows[i];
        const next: ServiceWindow = window;
        if (i >= 0) draft.windows[i] = next;
        else draft.windows.push(next);
        draft.windows.sort((a, b) => a.number - b.number);
        return { before, after: next };
      },
    });
  }

  removeWindow({ windowId }: z.output<typeof A.removeWindow>, actor: AuditActor): Promise<Ack<AdminConfig>> {
    return applyChange(this.deps, actor, {
      action: 'window.remove',
      target: windowId,
      mutate: (draft) => {
        const before = draft.windows.find((w) => w.id === windowId);
        if (!before) refuse('UNKNOWN_WINDOW', { windowId });
        const live = this.deps.state().windows[windowId];
        const targeted = Object.values(this.deps.state().tickets).some((t) => t.targetWindowId === windowId && OPEN_TICKET_STATES.has(t.state));
        if (live?.staffId || live?.currentTicketId || targeted) refuse('WINDOW_IN_USE', { number: before.number });
        const devices = draft.devices.filter((d) => d.windowId === windowId);
        if (devices.length) refuse('WINDOW_HAS_DEVICES', { devices: devices.map((d) => d.name).join('、') });
        draft.windows = draft.windows.filter((w) => w.id !== windowId);
        return { before };
      },
    });
  }

  #section<K extends 'rules' | 'evaluation' | 'retention'>(key: K, value: HallConfig[K], actor: AuditActor): Promise<Ack<AdminConfig>> {
    return applyChange(this.deps, actor, {
      action: `${key}.save`,
      target: key,
      mutate: (draft) => {
        const before = draft[key];
        draft[key] = value;
        return { before, after: value };
      },
    });
  }

}

const numberPrefix = (number: string): string => number.replace(/\d+$/, '');
