// The REST map beside the event map: every route of the hub a screen calls, as the hub registers it
// under /api (hub/src/*/routes.ts), with its query, its body and the data of its answer. Screens call
// them through rest(), which types request and answer from this map, so no screen casts an answer.
import type { Operator, PairingClaim, PairingStatus } from './admin.js';
import type { PairingRequestInput, SignInRequestInput } from './admin-schemas.js';
import type { DistrictCatalogue, DistrictHall, DistrictHolidays, DistrictOperator, DistrictReport, DistrictReportQuery, Published, PublishedNow } from './district.js';
import type { BookingPage, BookingView, SlotView } from './appointments.js';
import type { SlotsQueryInput, WebBookInput, WebChangeInput, WebLookupInput } from './appointments-schemas.js';
import type { Ack } from './errors.js';
import type { ServiceItemInput } from './catalogue-schemas.js';
import type { HolidayYear } from './holiday-year.js';
import type { Catalogue, HallCatalogue, ServiceItem, TicketFollow } from './kiosk.js';
import type { FollowQueryInput } from './kiosk-schemas.js';
import type { VisitToRate } from './ratings.js';
import type { PhoneRateInput, VisitLinkQuery } from './ratings-schemas.js';
import type { OutboxView } from './province.js';
import type { WindowQueueEntry } from './window-queue.js';
import type { WindowQueueQuery } from './schemas.js';
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
    /** One year of the built-in holiday calendar (chinese-days), for the console to import. */
    '/holidays/:year': Route<HolidayYear>;
    /** Staffing advice (排班建议) for a day: forecast, windows needed and planned per category and slot. */
    '/capacity/advice': Route<CapacityAdvice, CapacityQuery>;
    /** A window's waiting tickets in its call order (no personal data). */
    '/windows/:id/queue': Route<WindowQueueEntry[], WindowQueueQuery>;
    /** What the provincial platform's outbox has sent, holds and failed to send. */
    '/province/outbox': Route<OutboxView>;
    // The district server's (district/src), called by the district console it serves.
    '/district/session': Route<DistrictOperator | null>;
    '/district/halls': Route<DistrictHall[]>;
    '/district/report': Route<DistrictReport, DistrictReportQuery>;
    '/district/published': Route<PublishedNow>;
    /** The hall's catalogue of service items as kept (admins). */
    '/catalogue': Route<HallCatalogue>;
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
    '/district/session': Route<DistrictOperator, undefined, { username: string; password: string }>;
    '/catalogue/items': Route<ServiceItem, undefined, ServiceItemInput>;
    /** The body is the file itself (XLSX or JSON) as application/octet-stream; the answer the catalogue now. */
    '/catalogue/import': Route<HallCatalogue, undefined, Blob>;
  };
  put: {
    '/district/published/holidays': Route<Published<'holidays'>, undefined, DistrictHolidays>;
    '/district/published/catalogue': Route<Published<'catalogue'>, undefined, DistrictCatalogue>;
    /** Saves the item of that code (its code may change). */
    '/catalogue/items/:code': Route<ServiceItem, undefined, ServiceItemInput>;
  };
  delete: {
    '/session': Route<null>;
    '/district/session': Route<null>;
    '/catalogue/items/:code': Route<null>;
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
