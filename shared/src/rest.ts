// The REST map beside the event map: every route of the hub a screen calls, as the hub registers it
// under /api (hub/src/*/routes.ts), with its query, its body and the data of its answer. Screens call
// them through rest(), which types request and answer from this map, so no screen casts an answer.
import type { Operator, PairingClaim, PairingStatus } from './admin.js';
import type { PairingRequestInput, SignInRequestInput } from './admin-schemas.js';
import type { BookingPage, BookingView, SlotView } from './appointments.js';
import type { SlotsQueryInput, WebBookInput, WebChangeInput, WebLookupInput } from './appointments-schemas.js';
import type { Ack } from './errors.js';
import type { Catalogue, TicketFollow } from './kiosk.js';
import type { FollowQueryInput } from './kiosk-schemas.js';
import type { VisitToRate } from './ratings.js';
import type { PhoneRateInput, VisitLinkQuery } from './ratings-schemas.js';
import type { WindowQueueEntry } from './window-queue.js';
import type { Report, ReportQuery, ReportTables } from './reports.js';
import type { CapacityAdvice, CapacityQuery } from './capacity.js';

/** One route: the data its answer carries, what goes in the address's query, and the request's body. */
interface Route<Answer, Query = undefined, Body = undefined> {
  answer: Answer;
  query: Query;
  body: Body;
}

export interface RestRoutes {
  get: {
    /** The guide's catalogue of service items, with the hub's pinyin keys. */
    '/kiosk/items': Route<Catalogue>;
    /** A ticket's progress for its phone page. */
    '/kiosk/follow/:number': Route<TicketFollow, FollowQueryInput>;
    '/appointments/services': Route<BookingPage>;
    '/appointments/slots': Route<SlotView[], SlotsQueryInput>;
    /** The finished visit a slip's signed link names, to rate on the phone. */
    '/visit/:number': Route<VisitToRate, VisitLinkQuery>;
    /** Who is signed in at this console, or null. */
    '/session': Route<Operator | null>;
    /** A new screen polls its pairing with its claim. */
    '/pairing/:claim': Route<PairingStatus>;
    '/reports': Route<Report, ReportQuery>;
    '/reports/tables': Route<ReportTables, ReportQuery>;
    /** Staffing advice (排班建议) for a day: forecast, windows needed and planned per category and slot. */
    '/capacity/advice': Route<CapacityAdvice, CapacityQuery>;
    /** A window's waiting tickets in its call order (no personal data). */
    '/windows/:id/queue': Route<WindowQueueEntry[]>;
  };
  post: {
    '/appointments': Route<BookingView, undefined, WebBookInput>;
    '/appointments/lookup': Route<BookingView, undefined, WebLookupInput>;
    '/appointments/cancel': Route<BookingView, undefined, WebLookupInput>;
    '/appointments/change': Route<BookingView, undefined, WebChangeInput>;
    '/visit/:number/rating': Route<VisitToRate, VisitLinkQuery, PhoneRateInput>;
    /** Console sign-in; without staff number and password, a demo console's demo manager. */
    '/session': Route<Operator, undefined, SignInRequestInput>;
    '/pairing': Route<PairingClaim, undefined, PairingRequestInput>;
    /** The body is the image itself (JPEG, PNG or WebP); the answer its address. */
    '/admin/staff/:id/photo': Route<{ photo: string }, undefined, Blob>;
  };
  delete: {
    '/session': Route<null>;
  };
}

export type RestMethod = keyof RestRoutes;
export type RestPath<M extends RestMethod> = keyof RestRoutes[M] & string;
type RouteOf<M extends RestMethod, P extends RestPath<M>> = RestRoutes[M][P] extends Route<infer A, infer Q, infer B> ? Route<A, Q, B> : never;
export type RestAnswer<M extends RestMethod, P extends RestPath<M>> = RouteOf<M, P>['answer'];

/** The `:name` parts of a path, e.g. '/visit/:number/rating' → { number: string }. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : unknown;

/** What a call of the route needs: its path's parameters, its query and its body, each only if it has one. */
export type RestRequest<M extends RestMethod, P extends RestPath<M>> = (P extends `${string}:${string}` ? { params: PathParams<P> } : unknown) &
  (Partial<RouteOf<M, P>['query']> extends RouteOf<M, P>['query'] ? { query?: RouteOf<M, P>['query'] } : { query: RouteOf<M, P>['query'] }) &
  (undefined extends RouteOf<M, P>['body'] ? unknown : { body: RouteOf<M, P>['body'] });
/** The request as arguments: none for a route that needs nothing. */
export type RestArgs<M extends RestMethod, P extends RestPath<M>> = Partial<RestRequest<M, P>> extends RestRequest<M, P> ? [request?: RestRequest<M, P>] : [request: RestRequest<M, P>];

interface AnyRequest {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/**
 * Calls a route of the hub from a page it serves: the hub's answer, ok or refused, as the map types it.
 * Rejects when no answer came (the hub is unreachable, or answered something else than JSON).
 */
export async function rest<M extends RestMethod, P extends RestPath<M>>(method: M, path: P, ...[request]: RestArgs<M, P>): Promise<Ack<RestAnswer<M, P>>> {
  const { params = {}, query = {}, body } = (request ?? {}) as AnyRequest;
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  const url = `/api${path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))}${search.toString() ? `?${search}` : ''}`;
  const res = await fetch(url, {
    method, // fetch upper-cases the standard methods itself
    cache: 'no-store',
    // A Blob (a photo) goes as it is, its type the request's; anything else as JSON.
    ...(body instanceof Blob ? { body } : body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  // The one place an answer's type is taken on trust: the map says what the hub answers on this route.
  return (await res.json()) as Ack<RestAnswer<M, P>>;
}
