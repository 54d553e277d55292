// What the district publishes to its halls — the holiday calendar and the 事项 catalogue — each kind
// a numbered series of versions in district_published (schema migration 5), never changed once
// stored. Halls read the newest version they have not taken straight from the table (their
// forwarders' database role needs SELECT on it; hub/src/federation/district-config.ts).
//   GET /api/district/published             → {ok, data: {holidays: Published | null, catalogue: Published | null}}
//   PUT /api/district/published/:kind (admin) body: the document → {ok, data: Published}
import { parseOr400 } from '@yichuang/hub/dist/http/parse.js';
import { PUBLISHED_KINDS, type Published, type PublishedKind } from '@yichuang/shared/district';
import { PUBLISHED_SCHEMAS } from '@yichuang/shared/district-schemas';
import { appError } from '@yichuang/shared/errors';
import express, { type RequestHandler } from 'express';
import type pg from 'pg';
import { operatorOfRequest } from './auth-routes.js';

interface PublishedRow {
  kind: PublishedKind;
  version: number;
  document: string;
  published_at: string;
  published_by: string;
}

const fromRow = (r: PublishedRow): Published => ({
  kind: r.kind,
  version: r.version,
  document: JSON.parse(r.document) as Published['document'],
  publishedAt: Number(r.published_at),
  publishedBy: r.published_by,
});

export async function latestPublished(db: Pick<pg.Pool, 'query'>, kind: PublishedKind): Promise<Published | null> {
  const { rows } = await db.query<PublishedRow>('SELECT * FROM district_published WHERE kind = $1 ORDER BY version DESC FETCH FIRST 1 ROWS ONLY', [kind]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** Stores the next version of `kind`: durable (committed) before it is answered. */
export async function publish(db: pg.Pool, kind: PublishedKind, document: unknown, by: string, now: number): Promise<Published> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    // One publisher at a time per kind: two admins never store the same version number.
    await client.query('LOCK TABLE district_published IN EXCLUSIVE MODE');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM district_published WHERE kind = $1', [kind]);
    const version = (rows[0]?.v ?? 0) + 1;
    await client.query('INSERT INTO district_published (kind, version, document, published_at, published_by) VALUES ($1, $2, $3, $4, $5)', [kind, version, JSON.stringify(document), now, by]);
    await client.query('COMMIT');
    return { kind, version, document: document as Published['document'], publishedAt: now, publishedBy: by };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export function publishRoutes(db: pg.Pool, adminOnly: RequestHandler, clock: () => number): express.Router {
  const routes = express.Router();
  routes.get('/published', (_req, res, next) => {
    Promise.all(PUBLISHED_KINDS.map((k) => latestPublished(db, k))).then(([holidays, catalogue]) => res.json({ ok: true, data: { holidays, catalogue } }), next);
  });
  routes.put('/published/:kind', adminOnly, (req, res, next) => {
    const kind = req.params.kind as PublishedKind;
    if (!PUBLISHED_KINDS.includes(kind)) {
      res.status(404).json({ ok: false, error: appError('NOT_FOUND', { path: req.originalUrl.split('?')[0]!.slice(0, 200) }) });
      return;
    }
    const document = parseOr400(PUBLISHED_SCHEMAS[kind], req.body ?? {}, res);
    if (!document) return;
    publish(db, kind, document, operatorOfRequest(res).username, clock()).then((data) => res.json({ ok: true, data }), next);
  });
  return routes;
}
