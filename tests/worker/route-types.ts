// The body type of a Worker route, found from a concrete path and method the way the router finds the handler, for call().
import type { ExtractSchema } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../worker/app';

type Schema = ExtractSchema<AppType>;

/** A path's segments; `${string}` stands for a segment a test computes (a slug, an id). */
type Segments<P extends string> = P extends `/${infer Rest}`
  ? Segments<Rest>
  : P extends `${infer Head}/${infer Rest}`
    ? [Head, ...Segments<Rest>]
    : [P];
type WithoutQuery<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

/** Whether a concrete path's segments fit a route pattern's (`:slug` takes any one segment). */
type Fits<Concrete extends string[], Pattern extends string[]> = Concrete extends [
  infer C,
  ...infer CR extends string[],
]
  ? Pattern extends [infer Q, ...infer QR extends string[]]
    ? Q extends `:${string}`
      ? Fits<CR, QR>
      : C extends Q
        ? Fits<CR, QR>
        : false
    : false
  : Pattern extends []
    ? true
    : false;

/** Whether each of the pattern's params stands where the concrete path has a computed segment, not a literal one. */
type Strong<Concrete extends string[], Pattern extends string[]> = Concrete extends [
  infer C,
  ...infer CR extends string[],
]
  ? Pattern extends [infer Q, ...infer QR extends string[]]
    ? Q extends `:${string}`
      ? string extends C
        ? Strong<CR, QR>
        : false
      : Strong<CR, QR>
    : true
  : true;

type Matches<P extends string> = {
  [K in keyof Schema & string]: Fits<Segments<WithoutQuery<P>>, Segments<K>> extends true ? K : never;
}[keyof Schema & string];
type StrongMatches<P extends string> = {
  [K in Matches<P>]: Strong<Segments<WithoutQuery<P>>, Segments<K>> extends true ? K : never;
}[Matches<P>];
/**
 * The routes a path reaches. Like the router, a literal segment wins over a param: `/messages/preview` is the
 * preview route, not `/messages/:id`, when the test wrote "preview" and computed the slug.
 */
export type RouteOf<P extends string> = [StrongMatches<P>] extends [never] ? Matches<P> : StrongMatches<P>;

/** The endpoints of those routes that take the method. */
export type Endpoint<P extends string, M extends string> = {
  [K in RouteOf<P>]: Schema[K][`$${Lowercase<M>}` & keyof Schema[K]];
}[RouteOf<P>];

/** The route's endpoints that answer with a 2xx, as its handler types them. */
export type RouteSuccess<P extends string, M extends string> =
  Endpoint<P, M> extends infer E ? (E extends { status: SuccessStatusCode } ? E : never) : never;
