// The one path every socket command takes: size check → zod parse → permission → run → ack.
// Raw exceptions never reach a client; they are logged and answered with INTERNAL.
import type { Device } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import type { ClientToServerEvents } from '@yichuang/shared/events';
import type { z } from 'zod';
import { mayRun, type CommandName } from './permissions.js';
import type { HubSocket } from './types.js';

/** Larger command payloads are refused; nothing legitimate comes near this. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export type AckData<E extends CommandName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

export interface CommandContext {
  socket: HubSocket;
  device: Device;
  log: (line: string) => void;
}

export function onCommand<E extends CommandName, S extends z.ZodType>(
  ctx: CommandContext,
  name: E,
  schema: S,
  run: (input: z.output<S>) => Promise<Ack<AckData<E>>> | Ack<AckData<E>>,
): void {
  const listener = async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') return; // a command without an ack callback cannot be answered
    const reply = ack as (a: Ack<AckData<E>>) => void;
    reply(await answer(ctx, name, schema, payload, run));
  };
  (ctx.socket.on as (n: string, l: (...args: unknown[]) => void) => void)(name, (payload, ack) => {
    void listener(payload, ack);
  });
}

async function answer<E extends CommandName, S extends z.ZodType>(
  ctx: CommandContext,
  name: E,
  schema: S,
  payload: unknown,
  run: (input: z.output<S>) => Promise<Ack<AckData<E>>> | Ack<AckData<E>>,
): Promise<Ack<AckData<E>>> {
  try {
    if (payloadBytes(payload) > MAX_PAYLOAD_BYTES) return { ok: false, error: appError('PAYLOAD_TOO_LARGE') };
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
      return { ok: false, error: appError('BAD_REQUEST', { detail }) };
    }
    if (!mayRun(ctx.device, name, parsed.data)) return { ok: false, error: appError('FORBIDDEN') };
    return await run(parsed.data);
  } catch (err) {
    ctx.log(`${name} from ${ctx.device.id} failed: ${(err as Error).stack ?? String(err)}`);
    return { ok: false, error: appError('INTERNAL') };
  }
}

function payloadBytes(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Infinity; // circular or otherwise unserialisable: not a payload we accept
  }
}
