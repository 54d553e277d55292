// Console administration (issue 7): configuration, accounts, device pairing, audit — types, commands,
// broadcasts and error messages of this domain. Its commands and broadcasts join the one event map.
import type {
  Category,
  Device,
  DeviceRole,
  EvaluationSettings,
  Hall,
  QueueRules,
  RetentionSettings,
  ServiceWindow,
  Staff,
  StaffRole,
} from './domain.js';
import type { AckFn } from './errors.js';
import type * as A from './admin-schemas.js';

/** Who is signed in at a console (a session), as the console and the hub's checks see it. */
export interface Operator {
  /** Absent for the demo console's built-in demo manager. */
  staffId?: string;
  number?: string;
  name: string;
  roles: StaffRole[];
  /** The demo hall's console device acting without a sign-in. */
  demo: boolean;
  /** When the session ends unless it is used again (idle timeout), capped by its absolute lifetime. */
  expiresAt?: number;
}

/** A staff member as the console edits it: no hashes, only whether a PIN and a password are set. */
export type StaffAccount = Omit<Staff, 'pinHash' | 'passwordHash'> & { hasPassword: boolean };

/** Everything the configuration pages edit. */
export interface AdminConfig {
  hall: Hall;
  categories: Category[];
  windows: ServiceWindow[];
  staff: StaffAccount[];
  rules: QueueRules;
  evaluation: EvaluationSettings;
  retention: RetentionSettings;
  /** Of every window: a staff member is signed in or a ticket is open there (it cannot be removed now). */
  busyWindows: string[];
}

/**
 * A new screen waiting for a manager to type its code (6 characters without look-alikes: no 0/O,
 * 1/I/L). The code itself is not listed: only someone looking at the screen can pair it.
 */
export interface PairingRequest {
  /** The page that asked (kiosk, board, display, window, pad, console): the role proposed. */
  screen: DeviceRole;
  /** The screen's network address, to tell two new screens apart. */
  address: string;
  requestedAt: number;
  expiresAt: number;
}

export type DeviceView = Omit<Device, 'tokenHash'> & { online: boolean };

export interface DeviceList {
  devices: DeviceView[];
  requests: PairingRequest[];
}

/** A new screen's pairing code to show, and the claim it polls its pairing with. */
export interface PairingClaim {
  code: string;
  claim: string;
  expiresAt: number;
}

/** What a screen polling its pairing gets. `page` is where a screen of the approved role lives. */
export type PairingStatus = { status: 'pending'; code: string; expiresAt: number } | { status: 'approved'; token: string; page: string };

export interface AuditActor {
  deviceId?: string;
  staffId?: string;
  name: string;
  address?: string;
}

/** One line of the audit log (<dataDir>/audit/YYYY-MM.jsonl): who did or saw what, when. */
export interface AuditEntry {
  at: number;
  actor: AuditActor;
  /** e.g. 'category.save', 'device.revoke', 'session.signIn', 'personal.view', 'personal.export'. */
  action: string;
  /** What it was done to: an id, a command or a route. */
  target?: string;
  /** The changed thing before and after (secrets left out). */
  before?: unknown;
  after?: unknown;
}

/** Configuration sections; 'config:changed' names those that changed. */
export type ConfigSection = 'hall' | 'categories' | 'windows' | 'staff' | 'devices' | 'rules' | 'evaluation' | 'retention';

export interface ConfigChanged {
  at: number;
  sections: ConfigSection[];
}

export interface AdminCommands {
  'admin:config': (p: Record<string, never>, ack: AckFn<AdminConfig>) => void;
  'admin:saveHall': (p: A.SaveHallInput, ack: AckFn<AdminConfig>) => void;
  'admin:saveRules': (p: A.SaveRulesInput, ack: AckFn<AdminConfig>) => void;
  'admin:saveCategory': (p: A.SaveCategoryInput, ack: AckFn<AdminConfig>) => void;
  'admin:removeCategory': (p: A.RemoveCategoryInput, ack: AckFn<AdminConfig>) => void;
  'admin:saveWindow': (p: A.SaveWindowInput, ack: AckFn<AdminConfig>) => void;
  'admin:removeWindow': (p: A.RemoveWindowInput, ack: AckFn<AdminConfig>) => void;
  'admin:saveStaff': (p: A.SaveStaffInput, ack: AckFn<AdminConfig>) => void;
  'admin:removeStaff': (p: A.RemoveStaffInput, ack: AckFn<AdminConfig>) => void;
  'admin:resetPin': (p: A.ResetPinInput, ack: AckFn<AdminConfig>) => void;
  'admin:setPassword': (p: A.SetPasswordInput, ack: AckFn<AdminConfig>) => void;
  'admin:saveEvaluation': (p: A.SaveEvaluationInput, ack: AckFn<AdminConfig>) => void;
  'admin:saveRetention': (p: A.SaveRetentionInput, ack: AckFn<AdminConfig>) => void;
  'device:list': (p: Record<string, never>, ack: AckFn<DeviceList>) => void;
  'device:approve': (p: A.ApproveDeviceInput, ack: AckFn<DeviceList>) => void;
  'device:revoke': (p: A.RevokeDeviceInput, ack: AckFn<DeviceList>) => void;
  /** Revokes every demo device (public tokens) at once, before the hall goes live. */
  'device:revokeDemo': (p: A.RevokeDemoInput, ack: AckFn<DeviceList>) => void;
  'audit:list': (p: A.AuditListInput, ack: AckFn<AuditEntry[]>) => void;
}

export interface AdminBroadcasts {
  /** To every screen (by role room, no hall seq): the configuration changed; ask a fresh snapshot. */
  'config:changed': (e: ConfigChanged) => void;
  /** To consoles: devices or pairing requests changed. */
  'device:listChanged': (e: DeviceList) => void;
  /** To the revoked device alone, just before the hub disconnects it: forget the token, pair again. */
  'device:revoked': (e: { at: number }) => void;
  /** To a console connection refused for want of a sign-in: its session ended; show the sign-in form. */
  'session:ended': () => void;
}


/** Which roles a device of each kind needs a place for. */
export const DEVICE_PLACES: Record<DeviceRole, 'windowId' | 'zone' | 'kioskId' | null> = {
  kiosk: 'zone',
  board: 'zone',
  display: 'windowId',
  window: 'windowId',
  pad: 'windowId',
  console: null,
  agent: 'kioskId',
};

/** Where each role's screen is served. A print agent has no page: it is a program on a kiosk PC. */
export const SCREEN_PAGES: Record<DeviceRole, string> = {
  kiosk: '/kiosk/',
  board: '/kiosk/board.html',
  display: '/kiosk/display.html',
  window: '/window/',
  pad: '/window/pad.html',
  console: '/console/',
  agent: '',
};

type PlacedDevice = Pick<Device, 'id' | 'role' | 'windowId' | 'demo'>;

/**
 * Windows whose every window caller is among the devices revoked: whoever is signed in there is
 * signed out by the hub (a terminal paired later must not open as them). The console names them
 * before it asks, the hub acts on the same list.
 */
export function windowsLosingCallers(devices: readonly PlacedDevice[], revoked: ReadonlySet<string>): string[] {
  const callers = devices.filter((d) => d.role === 'window' && d.windowId);
  const windows = new Set(callers.filter((d) => revoked.has(d.id)).map((d) => d.windowId!));
  for (const d of callers) if (!revoked.has(d.id)) windows.delete(d.windowId!);
  return [...windows];
}

/** Consoles that stay paired: revoking the last one would leave nobody able to pair another. */
export function consolesLeft(devices: readonly PlacedDevice[], revoked: ReadonlySet<string>): number {
  return devices.filter((d) => d.role === 'console' && !revoked.has(d.id)).length;
}
