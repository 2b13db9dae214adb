/** What every route module receives: the database, the configuration and the typed app. */
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WorkCalendar } from '../domain/supervision/work-calendar.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from './auth/actor.ts';
import type { Config } from './config.ts';
import type { FileParser } from './files/parse-pool.ts';
import { appError } from '../domain/errors.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface AppContext {
  db: Db;
  config: Config;
  /** Injectable clock so tests can move time (lockouts, sessions, deadlines). */
  now: () => Date;
  /** Working days for every due-date rule. */
  calendar: WorkCalendar;
  /** Parses untrusted files off the event loop, within memory and time limits. */
  parser: FileParser;
  /** Set when the server runs the demo on its simulated date (shown as a banner); null in production. */
  demo: DemoInfo | null;
}

export interface DemoInfo { today: string; notice: string }

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

/** The signed-in actor of a request, or AUTH_REQUIRED. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw appError('AUTH_REQUIRED');
  return request.actor;
}
