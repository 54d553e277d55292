// Phone pages (booking, a ticket's page) talk to the hub's open REST routes under /api: no device
// token, no socket.
import type { AppError } from '@yichuang/shared/errors';
import type { ClientError } from '@yichuang/shared/commands';
import { STRINGS } from '@yichuang/shared/i18n';
import { rest, type RestAnswer, type RestArgs, type RestMethod, type RestPath } from '@yichuang/shared/rest';

export type ApiError = AppError | ClientError;
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const UNREACHABLE: ClientError = { code: 'TIMEOUT', message: STRINGS['book.loadFailed'][0], messageEn: STRINGS['book.loadFailed'][1] };

/** The hub's answer on a route of the REST map; any failure to get one is UNREACHABLE (code TIMEOUT). */
export function api<M extends RestMethod, P extends RestPath<M>>(method: M, path: P, ...request: RestArgs<M, P>): Promise<ApiResult<RestAnswer<M, P>>> {
  return rest(method, path, ...request).catch((): ApiResult<RestAnswer<M, P>> => ({ ok: false, error: UNREACHABLE }));
}
