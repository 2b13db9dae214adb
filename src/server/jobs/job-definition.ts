/**
 * Typed jobs: each pg-boss queue has one definition — its name, a payload version, a zod schema of
 * the payload and its handler. A job's data is the envelope `{ version, payload }`; the payload is
 * validated when it is sent (a bug in the sender fails at the call, not hours later in a worker)
 * and again when it is received (a job written by an older server, or by hand, is refused with a
 * clear error instead of being half-processed). Bump `version` when the payload's shape changes;
 * a worker refuses jobs of another version.
 */
import type PgBoss from 'pg-boss';
import { z } from 'zod';

export interface JobDefinition<P> {
  /** The pg-boss queue. */
  name: string;
  /** The payload's version: jobs carrying another one are refused. */
  version: number;
  payload: z.ZodType<P>;
  /** Queue settings (retries …) used when the queue is created. */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** Worker settings (polling interval, batch size …). */
  work?: PgBoss.WorkOptions;
  /** Does the job; throwing fails it, and pg-boss retries it as the queue says. */
  handler: (payload: P, job: { id: string }) => Promise<void>;
}

/** The data pg-boss stores for a job. */
export interface JobEnvelope<P> { version: number; payload: P }

/** Declares a job (identity function that infers the payload type from the schema). */
export function defineJob<S extends z.ZodType>(def: JobDefinition<z.output<S>> & { payload: S }): JobDefinition<z.output<S>> {
  return def;
}

/** Thrown for a payload that does not match its definition, on send or on receipt. */
export class JobPayloadError extends Error {
  constructor(readonly queue: string, what: string) {
    super(`job ${queue}: ${what}`);
    this.name = 'JobPayloadError';
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(payload)'} ${i.message}`).join('; ');
}

/** Validates a payload and wraps it in its envelope. */
export function jobData<P>(def: JobDefinition<P>, payload: P): JobEnvelope<P> {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(def.name, `invalid payload to send: ${describe(parsed.error)}`);
  return { version: def.version, payload: parsed.data };
}

/** Checks a received job's data against its definition and returns the payload. */
export function readJobData<P>(def: JobDefinition<P>, data: unknown): P {
  const envelope = z.object({ version: z.number().int(), payload: z.unknown() }).safeParse(data);
  if (!envelope.success) throw new JobPayloadError(def.name, 'job data is not a { version, payload } envelope');
  if (envelope.data.version !== def.version) {
    throw new JobPayloadError(def.name, `payload version ${envelope.data.version}, this server handles version ${def.version}`);
  }
  const parsed = def.payload.safeParse(envelope.data.payload);
  if (!parsed.success) throw new JobPayloadError(def.name, `invalid payload received: ${describe(parsed.error)}`);
  return parsed.data;
}

/** Sends a job after validating its payload. */
export async function sendJob<P>(boss: PgBoss, def: JobDefinition<P>, payload: P, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return await boss.send(def.name, jobData(def, payload), options);
}

/** Creates the queue and starts its worker, which validates every job before handling it. */
export async function registerJob<P>(boss: PgBoss, def: JobDefinition<P>): Promise<void> {
  await boss.createQueue(def.name, { name: def.name, ...def.queue });
  await boss.work<unknown>(def.name, def.work ?? {}, async (jobs) => {
    for (const job of jobs) await def.handler(readJobData(def, job.data), { id: job.id });
  });
}
