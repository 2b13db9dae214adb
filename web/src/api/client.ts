// The one HTTP client of the web app. Every API error arrives as JSON {code, message}; callers get
// an ApiError carrying both and show `message` (Chinese) while branching only on `code`. `call` is
// typed by the generated OpenAPI types: the path, its parameters, query, body and answer.
import type { Body, ClientErrorCode, ErrorCode, Ok, Query } from './contract.ts';
import type { paths } from './schema';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Registers what happens when a request meets 401 (the auth provider sends the user to login). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Wrong credentials on login or password change also answer 401: those must not log out. */
  redirectOn401?: boolean;
  /** Extra request headers (If-Match with the version the user edited). */
  headers?: Record<string, string>;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function readError(res: Response): Promise<ApiError> {
  let code: ApiError['code'] = `HTTP_${res.status}`;
  let message = `请求失败（${res.status}）`;
  let details: unknown;
  try {
    const body: unknown = await res.json();
    if (isRecord(body)) {
      if (typeof body.code === 'string') code = body.code as ErrorCode;
      if (typeof body.message === 'string' && body.message) message = body.message;
      details = body.details;
    }
  } catch {
    // A proxy or crash page instead of JSON: keep the generic message.
  }
  return new ApiError(res.status, code, message, details);
}

/** Calls the API and returns the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, redirectOn401 = true, headers = {} } = options;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      signal,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json', ...headers } : { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && redirectOn401 && onUnauthorized) onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type PathParams<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]> extends { parameters: { path: infer X } } ? X : never;
/** What an operation answers: its JSON body, or nothing (204). */
export type Answer<P extends keyof paths, M extends Method> = [Ok<P, M>] extends [never] ? void : Ok<P, M>;

export interface CallOptions<P extends keyof paths, M extends Method> extends Pick<RequestOptions, 'signal' | 'redirectOn401' | 'headers'> {
  path?: PathParams<P, M>;
  query?: Query<P, M>;
  body?: Body<P, M>;
}

/** Calls one operation of the API by its documented path, e.g. call('get', '/api/tasks/{id}', { path: { id } }). */
export function call<P extends keyof paths, M extends Method>(method: M, path: P, options: CallOptions<P, M> = {}): Promise<Answer<P, M>> {
  const params = (options.path ?? {}) as Record<string, string | number>;
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  return request<Answer<P, M>>(url, {
    method: method.toUpperCase() as RequestOptions['method'], body: options.body, signal: options.signal, redirectOn401: options.redirectOn401, headers: options.headers,
    query: options.query as RequestOptions['query'],
  });
}

/** The user-facing text of any error thrown by `request`. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return '发生未知错误';
}

/**
 * Sends a file as the raw request body (application/octet-stream) and returns the JSON answer; the
 * server reads all of it or nothing, and an error keeps its details (the rows it refused).
 */
export async function uploadFile<T>(path: string, file: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: generic message below
  }
  if (!res.ok) {
    const err = (body ?? {}) as { code?: ErrorCode; message?: string; details?: unknown };
    const fallback = res.status === 413 ? '文件过大（不超过 5 MB）' : `导入失败（${res.status}）`;
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? fallback, err.details);
  }
  return body as T;
}
