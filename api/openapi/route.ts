/**
 * One route, one contract: `routes(router, registry)` installs a handler and documents its operation
 * from the same zod schemas, and one middleware validates the request against them (a 400 names the
 * invalid fields as `invalid` does), so the document and the code cannot drift.
 */
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { invalid } from '../problem';

/** The request parts a route validates (headers by their lower-case names). */
interface RequestSchemas {
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodPipe;
  headers?: z.ZodObject;
  body?: z.ZodType;
}

/** The parsed request: each part the operation states, as its schema's output. */
type Input<S extends RequestSchemas> = { [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never };

type BodyOfAnswer<A> = A extends { content: Record<string, { schema: infer T }> }
  ? T extends z.ZodType
    ? z.infer<T>
    : never
  : never;
/** The bodies an operation's answers may carry, from their schemas. */
type AnswerBody<R> = { [K in keyof R]: BodyOfAnswer<R[K]> }[keyof R];

/** An operation: its method, OpenAPI path, summary, request schemas and answers. */
interface Operation<S extends RequestSchemas, R extends Record<number, ResponseConfig>> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** The path as the document writes it (`/v1/orders/{orderId}`). */
  path: string;
  summary: string;
  /** Whether an API key authorises it. */
  secured?: boolean;
  request?: S;
  /** The body's media type when it is not JSON. */
  bodyType?: string;
  /** Headers the route's signature check reads: documented, and refused by that check (401/403), not as a 400. */
  signature?: z.ZodObject;
  /** Names what a request is about (the request log's chain) once its path is valid, before the rest is checked. */
  identify?: (res: Response, params: Input<S>['params']) => void;
  responses: R;
}

/** The body a handler answers with: its operation's response schemas', any for an undocumented one. */
type Answer<R> = [AnswerBody<R>] extends [never] ? unknown : AnswerBody<R>;

/** The handler of a validated request, its answer typed from the operation's response schemas. */
type Handler<S extends RequestSchemas, R> = (req: Request, res: Response<Answer<R>>, input: Input<S>) => unknown;

const PARTS = ['params', 'query', 'body', 'headers'] as const;

/** What validation needs of an operation: its request schemas, and what names a request once its path is valid. */
type Checks<S extends RequestSchemas> = Pick<Operation<S, never>, 'request' | 'identify'>;

/** Validates `params`, `query`, `body` and `headers` in that order, then hands the parsed parts to `handler`. */
export function validated<S extends RequestSchemas, R>(
  { request, identify }: Checks<S>,
  handler: Handler<S, R>,
): RequestHandler {
  return (req, res) => {
    const input: Record<string, unknown> = {};
    for (const part of PARTS) {
      const schema = request?.[part];
      if (!schema) continue;
      const parsed = schema.safeParse(req[part]);
      // A header's field path names the headers (`headers.idempotency-key`); the others are plain.
      if (!parsed.success) return invalid(res, parsed.error, part === 'headers' ? ['headers'] : []);
      input[part] = parsed.data;
      if (part === 'params') identify?.(res, parsed.data as Input<S>['params']);
    }
    return handler(req, res as Response<Answer<R>>, input as Input<S>);
  };
}

/** Enters an operation in the document. */
export function registerOperation<S extends RequestSchemas>(
  registry: OpenAPIRegistry,
  op: Operation<S, Record<number, ResponseConfig>>,
): void {
  const { params, query, headers, body } = op.request ?? {};
  const signed = op.signature && (headers ? headers.extend(op.signature.shape) : op.signature);
  const request: NonNullable<RouteConfig['request']> = {
    ...(params && { params }),
    ...(query && { query }),
    ...(signed ? { headers: signed } : headers && { headers }),
    ...(body && { body: { required: true, content: { [op.bodyType ?? 'application/json']: { schema: body } } } }),
  };
  registry.registerPath({
    method: op.method,
    path: op.path,
    summary: op.summary,
    ...(op.secured && { security: [{ apiKey: [] }] }),
    ...(Object.keys(request).length && { request }),
    responses: op.responses,
  });
}

/** The Express path of a documented one, below the router's mount (`/v1/orders/{orderId}` → `/:orderId`). */
function expressPath(path: string, mount: string): string {
  if (!path.startsWith(mount)) throw new Error(`${path} is not below ${mount}`);
  return path.slice(mount.length).replace(/\{(\w+)\}/g, ':$1') || '/';
}

/** An operation as a route states it: the method and path are the route's. */
type Spec<S extends RequestSchemas, R extends Record<number, ResponseConfig>> = Omit<
  Operation<S, R>,
  'method' | 'path'
>;

/**
 * The routes of `router`, mounted at `mount`, as `route.get(path, spec, ...middleware, handler)`: each
 * documents its operation in `registry` and installs the middleware given before the handler (scope
 * checks, metrics), the validation and the handler.
 */
export function routes(router: Router, registry: OpenAPIRegistry, mount = '') {
  const install =
    (method: Operation<RequestSchemas, never>['method']) =>
    <S extends RequestSchemas, R extends Record<number, ResponseConfig>>(
      path: string,
      spec: Spec<S, R>,
      ...chain: [...RequestHandler[], Handler<S, R>]
    ): void => {
      const op = { ...spec, method, path };
      registerOperation(registry, op);
      const handler = chain.pop() as Handler<S, R>;
      router[method](expressPath(path, mount), ...(chain as RequestHandler[]), validated(op, handler));
    };
  return { get: install('get'), post: install('post'), put: install('put'), delete: install('delete') };
}
