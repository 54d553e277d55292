// The one path every socket command takes: size check → who may send it (device role and place; at
// a console, the person signed in) → rate limit → zod parse → run → ack. Raw exceptions never reach a
// client; they are logged and answered with STORAGE_FAILED when a write failed, INTERNAL otherwise.
import type { AuditActor, Operator } from '@yichuang/shared/admin';
import type { Device } from '@yichuang/shared/domain';
import { appError, type Ack, type AppError } from '@yichuang/shared/errors';
import type { ClientToServerEvents } from '@yichuang/shared/events';
import type { z } from 'zod';
import { badRequest } from '../http/parse.js';
import type { RateLimiter, RateRule } from '../security/rate-limit.js';
import type { CommandKey } from '../hall/hall-service.js';
import type { AnswerLog } from '../storage/answer-log.js';
import { StorageError } from '../storage/storage-error.js';
import { mayRun, type CommandName } from './permissions.js';
import { operatorMay, PERSONAL_DATA_READS, roleRefusal } from './permissions/admin.js';
import type { HubSocket } from './types.js';

/** Larger command payloads are refused; nothing legitimate comes near this. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * Commands a person sends at a human pace, limited per device: taking a number at a kiosk (a family
 * takes a few at once, then the next person steps up), signing in (PIN guessing is also locked
 * per staff number by the window service), and rating a visit by its number (no sweeping through numbers).
 */
const RATE_RULES: Partial<Record<CommandName, RateRule>> = {
  'ticket:issue': { burst: 6, perMinute: 10 },
  'staff:signIn': { burst: 5, perMinute: 10 },
  'visit:find': { burst: 10, perMinute: 20 },
  'visit:rate': { burst: 5, perMinute: 10 },
  'appointment:checkIn': { burst: 6, perMinute: 10 }, // a family's codes at once, no sweeping; per device, any role (a counter never gets near it)
};

export type AckData<E extends CommandName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

export interface CommandContext {
  socket: HubSocket;
  device: Device;
  log: (line: string) => void;
  /** This hub's rate limits. */
  limits: RateLimiter;
  /** The person signed in at a console connection, asked at every command (sessions expire). */
  operator: () => Operator | undefined;
  /** Writes to the audit log that this connection read personal data. */
  audit: (entry: { action: string; target: string }) => Promise<void>;
  /** Answers of commands run once per command id (onCommandOnce). */
  answers: AnswerLog;
}

/** Who acts at this connection, for the audit log: the person signed in at a console, else the device. */
export function connectionActor(ctx: CommandContext): AuditActor & { deviceId: string } {
  const who = ctx.operator();
  return { deviceId: ctx.device.id, staffId: who?.staffId, name: who?.name ?? ctx.device.name, address: ctx.socket.handshake.address };
}

type Answer<E extends CommandName> = Promise<Ack<AckData<E>>> | Ack<AckData<E>>;

/** A read, or a report a device repeats anyway (a heartbeat, a printer's state): no command id; asking again changes nothing more. */
export function onQuery<E extends CommandName, S extends z.ZodType>(ctx: CommandContext, name: E, schema: S, run: (input: z.output<S>) => Answer<E>): void {
  const listener = async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') return; // a command without an ack callback cannot be answered
    const reply = ack as (a: Ack<AckData<E>>) => void;
    reply(await answer(ctx, name, schema, payload, run));
  };
  (ctx.socket.on as (n: string, l: (...args: unknown[]) => void) => void)(name, (payload, ack) => {
    void listener(payload, ack);
  });
}

/**
 * A command: it changes something, so the client names it with a `cmdId`, and this is where it gets
 * its key (device + cmdId), once for every command. Engine commands hand the key to the journal,
 * which answers a retry — even after a restart — with the first result, and refuses the key for
 * another command.
 */
export function onCommand<E extends CommandName, S extends z.ZodType<{ cmdId: string }>>(
  ctx: CommandContext,
  name: E,
  schema: S,
  run: (input: z.output<S>, key: CommandKey) => Answer<E>,
): void {
  onQuery(ctx, name, schema, (input) => run(input, `${ctx.device.id}:${input.cmdId}`));
}

/**
 * A command that changes something the engine does not journal (settings, devices, a reprint, a help
 * request): run once per key, its answer kept on disk (storage/answer-log.ts), so a retry gets the
 * first answer instead of acting twice.
 */
export function onCommandOnce<E extends CommandName, S extends z.ZodType<{ cmdId: string }>>(
  ctx: CommandContext,
  name: E,
  schema: S,
  run: (input: z.output<S>, key: CommandKey) => Answer<E>,
): void {
  onCommand(ctx, name, schema, (input, key) => ctx.answers.run(key, name, async () => run(input, key)));
}

async function answer<E extends CommandName, S extends z.ZodType>(
  ctx: CommandContext,
  name: E,
  schema: S,
  payload: unknown,
  run: (input: z.output<S>) => Promise<Ack<AckData<E>>> | Ack<AckData<E>>,
): Promise<Ack<AckData<E>>> {
  try {
    if (payloadBytes(payload) > MAX_PAYLOAD_BYTES) return refuse(appError('PAYLOAD_TOO_LARGE'));
    // Rights come before parsing: a device outside them learns nothing about the payload's shape.
    const refusal = refusalOf(ctx, name, typeof payload === 'object' && payload !== null ? payload : {});
    if (refusal) return refuse(refusal);
    const rule = RATE_RULES[name];
    if (rule && !ctx.device.demo && !ctx.limits.take(`${ctx.device.id}|${name}`, rule)) return refuse(appError('RATE_LIMITED'));
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      return refuse(badRequest(parsed.error, '(payload)'));
    }
    // The place again, on what was parsed: that is what runs.
    if (!mayRun(ctx.device, name, parsed.data)) return refuse(appError('FORBIDDEN'));
    const result = await run(parsed.data);
    // No trail, no data: a read of personal data is answered once the audit log has it.
    if (result.ok && PERSONAL_DATA_READS.has(name)) await ctx.audit({ action: 'personal.view', target: auditTarget(name, parsed.data) });
    return result;
  } catch (err) {
    ctx.log(`${name} from ${ctx.device.id} failed: ${(err as Error).stack ?? String(err)}`);
    return refuse(appError(err instanceof StorageError ? 'STORAGE_FAILED' : 'INTERNAL'));
  }
}

/** Why this connection may not send the command, or undefined when it may. */
function refusalOf(ctx: CommandContext, name: CommandName, payload: object): AppError | undefined {
  if (!mayRun(ctx.device, name, payload)) return appError('FORBIDDEN');
  if (ctx.device.role !== 'console') return undefined;
  const operator = ctx.operator();
  if (!operator) {
    ctx.socket.emit('session:ended');
    return appError('SIGN_IN_REQUIRED');
  }
  return operatorMay(operator, name) ? undefined : roleRefusal(operator.roles);
}

const refuse = <T>(error: AppError): Ack<T> => ({ ok: false, error });

/** The command, and the case it opened if any: the trail says whose number was seen. */
function auditTarget(name: CommandName, input: unknown): string {
  const caseId = (input as { caseId?: unknown }).caseId;
  return typeof caseId === 'string' ? `${name} ${caseId}` : name;
}

function payloadBytes(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Infinity; // circular or otherwise unserialisable: not a payload we accept
  }
}
