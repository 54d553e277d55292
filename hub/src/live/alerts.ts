// The alert list of <dataDir>/alerts.json and its rules, as pure functions over a draft.
// One alert per key while it is unresolved: raised again, it is refreshed (and reopened if acknowledged).
import type { Acknowledgement, Alert, AlertInput } from '@yichuang/shared/live';
import type { Versioned } from '../storage/small-store.js';

export interface AlertsFile extends Versioned {
  alerts: Alert[];
  /** Numbers alert ids, so an id is never reused. */
  nextId: number;
}

/** Closed alerts are kept a day; the list never grows past this. */
const KEEP_CLOSED_MS = 24 * 3_600_000;
const MAX_ALERTS = 300;

export function emptyAlertsFile(): AlertsFile {
  return { schemaVersion: 1, alerts: [], nextId: 1 };
}

export const isOpen = (a: Alert): boolean => !a.acknowledged && a.resolvedAt === undefined;

/** Raises (or refreshes) the alert of `input.key`; returns it. */
export function raise(draft: AlertsFile, input: AlertInput, now: number): Alert {
  const existing = draft.alerts.find((a) => a.key === input.key && a.resolvedAt === undefined);
  if (existing) {
    Object.assign(existing, input, { lastAt: now, count: existing.count + 1 });
    delete existing.acknowledged;
    return existing;
  }
  const alert: Alert = { ...input, id: `a${draft.nextId++}`, raisedAt: now, lastAt: now, count: 1 };
  draft.alerts.push(alert);
  prune(draft, now);
  return alert;
}

export function resolve(draft: AlertsFile, key: string, now: number): void {
  for (const a of draft.alerts) if (a.key === key && a.resolvedAt === undefined) a.resolvedAt = now;
}

/** Who acknowledges, as the alert keeps it (their name is shown beside the time). */
export function acknowledgement(actor: { deviceId?: string; staffId?: string; name: string }, now: number): Acknowledgement {
  return { at: now, deviceId: actor.deviceId ?? '', name: actor.name, ...(actor.staffId !== undefined && { staffId: actor.staffId }) };
}

export function acknowledge(draft: AlertsFile, id: string, by: Acknowledgement): Alert | undefined {
  const alert = draft.alerts.find((a) => a.id === id);
  if (alert && !alert.acknowledged) alert.acknowledged = { ...by };
  return alert;
}

/** Acknowledges every open alert; returns them. */
export function acknowledgeAll(draft: AlertsFile, by: Acknowledgement): Alert[] {
  const open = draft.alerts.filter(isOpen);
  for (const a of open) a.acknowledged = { ...by };
  return open;
}

/** Unresolved alerts whose key starts with `prefix` (the hub's own checks use key prefixes). */
export function unresolvedKeys(alerts: readonly Alert[], prefix: string): Set<string> {
  return new Set(alerts.filter((a) => a.resolvedAt === undefined && a.key.startsWith(prefix)).map((a) => a.key));
}

/** Open alerts first, then the others; the latest first within each. */
export function forDisplay(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.lastAt - a.lastAt);
}

function prune(draft: AlertsFile, now: number): void {
  const closedAt = (a: Alert): number | undefined => (isOpen(a) ? undefined : Math.max(a.acknowledged?.at ?? 0, a.resolvedAt ?? 0));
  draft.alerts = draft.alerts.filter((a) => {
    const closed = closedAt(a);
    return closed === undefined || now - closed < KEEP_CLOSED_MS;
  });
  if (draft.alerts.length > MAX_ALERTS) {
    // Drop the oldest closed ones first, then the oldest of all.
    const ranked = [...draft.alerts].sort((a, b) => Number(isOpen(a)) - Number(isOpen(b)) || a.lastAt - b.lastAt);
    const drop = new Set(ranked.slice(0, draft.alerts.length - MAX_ALERTS));
    draft.alerts = draft.alerts.filter((a) => !drop.has(a));
  }
}
