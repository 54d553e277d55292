// Staff accounts: the staff card (number, name, department, title, badge, photo), roles, the window
// PIN and the console password. Managers keep staff cards and reset PINs; only an admin gives or
// takes console roles, sets someone else's password, and changes an admin's account in any way.
// At least one admin who can sign in remains.
import type { AdminConfig, AuditActor, Operator } from '@yichuang/shared/admin';
import type * as A from '@yichuang/shared/admin-schemas';
import { CONSOLE_ROLES, type HallConfig, type Staff, type StaffRole } from '@yichuang/shared/domain';
import { appError, atField, type Ack } from '@yichuang/shared/errors';
import type { z } from 'zod';
import { hashSecret } from '../security/passwords.js';
import type { Sessions } from '../security/sessions.js';
import { roleRefusal } from '../realtime/permissions/admin.js';
import { applyChange, Refusal, refuse, staffAccount, type ChangeDeps } from './config-change.js';

const isConsoleRole = (role: StaffRole): boolean => (CONSOLE_ROLES as readonly StaffRole[]).includes(role);
const consoleRoles = (roles: readonly StaffRole[]): string => roles.filter(isConsoleRole).sort().join(',');
const isAdmin = (operator: Operator): boolean => operator.roles.includes('admin');

/** What only an admin may do: the refusal names the person's role, not the device. */
function refuseAsRole(operator: Operator): never {
  throw new Refusal(roleRefusal(operator.roles));
}

/** A manager who could change an admin's number, PIN or card could take over the admin's account. */
function refuseUnlessAdmin(staff: Staff, operator: Operator): void {
  if (staff.roles.includes('admin') && !isAdmin(operator)) refuseAsRole(operator);
}

export interface StaffServiceDeps extends ChangeDeps {
  sessions: Sessions;
  /** Deletes a staff member's photo file once they are gone. */
  removePhoto: (url: string) => Promise<void>;
}

export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  async save({ staff, isNew, pin }: z.output<typeof A.saveStaff>, operator: Operator, actor: AuditActor): Promise<Ack<AdminConfig>> {
    if (isNew && !pin) return { ok: false, error: atField(appError('PIN_REQUIRED'), 'pin') };
    const pinHash = pin === undefined ? undefined : await hashSecret(pin);
    const result = await applyChange(this.deps, actor, {
      action: isNew ? 'staff.add' : 'staff.save',
      target: staff.id,
      mutate: (draft) => {
        const i = draft.staff.findIndex((s) => s.id === staff.id);
        // The number first: a new card's id is made from its number, and the number is what the manager typed.
        const holder = draft.staff.find((s) => s.number === staff.number && (isNew || s.id !== staff.id));
        if (holder) refuse('DUPLICATE_STAFF_NUMBER', { number: staff.number, name: holder.name }, 'staff.number');
        if (isNew && i >= 0) refuse('DUPLICATE_STAFF_NUMBER', { number: staff.number, name: draft.staff[i]!.name }, 'staff.number');
        if (!isNew && i < 0) refuse('UNKNOWN_STAFF_ID', { staffId: staff.id });
        const before = draft.staff[i];
        if (before) refuseUnlessAdmin(before, operator);
        if (consoleRoles(before?.roles ?? []) !== consoleRoles(staff.roles) && !isAdmin(operator)) refuseAsRole(operator);
        const next: Staff = { ...before, ...staff, pinHash: pinHash ?? before!.pinHash };
        if (!staff.badge) delete next.badge;
        if (!staff.roles.some(isConsoleRole)) delete next.passwordHash;
        keepingAnAdmin(draft, () => {
          if (i >= 0) draft.staff[i] = next;
          else draft.staff.push(next);
        });
        return { before: before && staffAccount(before), after: staffAccount(next) };
      },
    });
    // Sessions act with their person's roles as they are now: a changed role counts at the next command.
    return result;
  }

  async remove({ staffId }: z.output<typeof A.removeStaff>, operator: Operator, actor: AuditActor): Promise<Ack<AdminConfig>> {
    let photo: string | undefined;
    const result = await applyChange(this.deps, actor, {
      action: 'staff.remove',
      target: staffId,
      mutate: (draft) => {
        const before = draft.staff.find((s) => s.id === staffId);
        if (!before) refuse('UNKNOWN_STAFF_ID', { staffId });
        if (before.roles.some(isConsoleRole) && !isAdmin(operator)) refuseAsRole(operator);
        const at = Object.values(this.deps.state().windows).find((w) => w.staffId === staffId);
        if (at) refuse('STAFF_SIGNED_IN', { number: draft.windows.find((w) => w.id === at.id)?.number ?? at.id });
        keepingAnAdmin(draft, () => (draft.staff = draft.staff.filter((s) => s.id !== staffId)));
        photo = before.photo;
        return { before: staffAccount(before) };
      },
    });
    if (result.ok) {
      this.deps.sessions.closeWhere((s) => s.staffId === staffId);
      if (photo) await this.deps.removePhoto(photo);
    }
    return result;
  }

  async resetPin({ staffId, pin }: z.output<typeof A.resetPin>, operator: Operator, actor: AuditActor): Promise<Ack<AdminConfig>> {
    const pinHash = await hashSecret(pin);
    return applyChange(this.deps, actor, {
      action: 'staff.resetPin',
      target: staffId,
      mutate: (draft) => {
        const staff = draft.staff.find((s) => s.id === staffId);
        if (!staff) refuse('UNKNOWN_STAFF_ID', { staffId });
        refuseUnlessAdmin(staff, operator);
        staff.pinHash = pinHash;
        return {};
      },
    });
  }

  /** Puts an uploaded photo (already stored) on the staff card; the previous photo's file goes. */
  async setPhoto(staffId: string, url: string, operator: Operator, actor: AuditActor): Promise<Ack<AdminConfig>> {
    let previous: string | undefined;
    const result = await applyChange(this.deps, actor, {
      action: 'staff.photo',
      target: staffId,
      mutate: (draft) => {
        const staff = draft.staff.find((s) => s.id === staffId);
        if (!staff) refuse('UNKNOWN_STAFF_ID', { staffId });
        refuseUnlessAdmin(staff, operator);
        previous = staff.photo;
        staff.photo = url;
        return { before: previous, after: url };
      },
    });
    if (result.ok && previous && previous !== url) await this.deps.removePhoto(previous);
    return result;
  }

  /** An admin sets anyone's console password; everyone else only their own. */
  async setPassword({ staffId, password }: z.output<typeof A.setPassword>, operator: Operator, actor: AuditActor): Promise<Ack<AdminConfig>> {
    if (!isAdmin(operator) && operator.staffId !== staffId) return { ok: false, error: roleRefusal(operator.roles) };
    const passwordHash = await hashSecret(password);
    const result = await applyChange(this.deps, actor, {
      action: 'staff.setPassword',
      target: staffId,
      mutate: (draft) => {
        const staff = draft.staff.find((s) => s.id === staffId);
        if (!staff) refuse('UNKNOWN_STAFF_ID', { staffId });
        if (!staff.roles.some(isConsoleRole)) refuse('NO_CONSOLE_ROLE');
        staff.passwordHash = passwordHash;
        return {};
      },
    });
    // Someone else's password reset: whoever signed in with the old one is signed out.
    if (result.ok && operator.staffId !== staffId) this.deps.sessions.closeWhere((s) => s.staffId === staffId);
    return result;
  }
}

const signInAdmins = (config: HallConfig): number => config.staff.filter((s) => s.roles.includes('admin') && s.passwordHash).length;

/** Refuses a change that takes away the last admin who can sign in (a hall that never had one is left as it is). */
function keepingAnAdmin(draft: HallConfig, change: () => void): void {
  const before = signInAdmins(draft);
  change();
  if (before > 0 && signInAdmins(draft) === 0) refuse('LAST_ADMIN');
}
