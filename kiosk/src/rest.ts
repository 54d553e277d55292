// Phone pages (booking, a ticket's page) talk to the hub's open REST routes under /api: no device
// token, no socket.
import type { Ack, AppError } from '@yichuang/shared/errors';
import type { ClientError } from '@yichuang/shared/commands';
import { STRINGS } from '@yichuang/shared/i18n';

export type ApiError = AppError | ClientError;
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const UNREACHABLE: ClientError = { code: 'TIMEOUT', message: STRINGS['book.loadFailed'][0], messageEn: STRINGS['book.loadFailed'][1] };

/** GET without a body, POST with one; any failure to get an answer is UNREACHABLE (code TIMEOUT). */
export async function api<T>(path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(`/api${path}`, {
      cache: 'no-store',
      ...(body !== undefined && { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return (await res.json()) as Ack<T>;
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}
