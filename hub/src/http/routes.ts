// The hub's routes, each registered with who may use it (http/access.ts). Routing is case-sensitive
// and the access rule is the route's own first handler, so no spelling of an address reaches a
// handler past a check meant for another spelling. Unknown addresses are answered 404.
import { Router, type RequestHandler } from 'express';
import type { RouteParameters } from 'express-serve-static-core';
import type { Access, RestAccess } from './access.js';

type Method = 'get' | 'post' | 'put' | 'delete';
/** Handlers see the path's parameters typed, as with Express's own router. */
type Handlers<P extends string> = RequestHandler<RouteParameters<P>>[];

export class Routes {
  /** Mount this once; routes added later still join it. */
  readonly router = Router({ caseSensitive: true });

  constructor(private readonly access: RestAccess) {}

  get<P extends string>(path: P, access: Access, ...handlers: Handlers<P>): void {
    this.#add('get', path, access, handlers);
  }

  post<P extends string>(path: P, access: Access, ...handlers: Handlers<P>): void {
    this.#add('post', path, access, handlers);
  }

  put<P extends string>(path: P, access: Access, ...handlers: Handlers<P>): void {
    this.#add('put', path, access, handlers);
  }

  delete<P extends string>(path: P, access: Access, ...handlers: Handlers<P>): void {
    this.#add('delete', path, access, handlers);
  }

  /** Middleware in front of the routes of a path (e.g. a rate limit); it may refuse, never widen access. */
  use(path: string, handler: RequestHandler): void {
    this.router.use(path, handler);
  }

  #add<P extends string>(method: Method, path: P, access: Access, handlers: Handlers<P>): void {
    this.router[method](path, this.access.guard(access), ...(handlers as RequestHandler[]));
  }
}
