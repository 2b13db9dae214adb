// Types of the server's API, taken from the generated OpenAPI types (schema.d.ts), so the web never
// mirrors a server schema by hand. Use: `type Task = Ok<'/api/tasks/{id}', 'get'>`.
import type { components, paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON body of the success answer (200 or 201) of an operation. */
export type Ok<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R }
  ? R extends { 200: infer A } ? Json<A> : R extends { 201: infer B } ? Json<B> : never
  : never;

/** The JSON request body of an operation. */
export type Body<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters of an operation. */
export type Query<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type { paths };

/** The stable error codes of the server's catalogue, as the OpenAPI document lists them. */
export type ErrorCode = components['schemas']['Error']['code'];
/** Codes the client itself gives: no connection, a cancelled upload, an answer that is not the API's. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'ABORTED' | 'BAD_RESPONSE' | `HTTP_${number}`;

/** The element type of a list answer `{ items: T[] }`. */
export type Item<T> = T extends { items: (infer I)[] } ? I : never;
