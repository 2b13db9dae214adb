/**
 * The parse pool: untrusted files are parsed in child processes, never on the server's event loop.
 * Why processes and not worker threads: a thread that reaches its heap limit may abort the whole
 * process (nodejs/node#47224), while a child that does only ends itself. Each child has a V8 heap
 * limit (--max-old-space-size) and each job a deadline after which its child is killed; the
 * error then names the limit hit. Children are reused (one job at a time each), started on
 * demand up to `workers`, and further jobs wait in a bounded queue.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isErrorCode } from '../../domain/error-catalogue.ts';
import { AppError, appError } from '../../domain/errors.ts';
import { limitError } from '../../ingest/readers/reader-limits.ts';
import type { Config } from '../config.ts';
import type { JobResult, ParseJob } from './parse-jobs.ts';
import { killChild } from './kill-child.ts';

/** What the server uses to parse files; tests may pass their own. */
export interface FileParser {
  parse<J extends ParseJob>(job: J): Promise<JobResult<J>>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  /** Child processes at most (jobs parsed at once). */
  workers: number;
  /** V8 old-generation limit of each child, MB. */
  memoryMb: number;
  /** Longest a job may run, ms. */
  timeoutMs: number;
  /** Jobs allowed to wait for a child; more are refused as busy. */
  maxQueue: number;
  /** A child unused this long exits (it may hold the heap of a large parse), ms. */
  idleMs?: number;
}

interface Waiting { job: ParseJob; resolve: (v: unknown) => void; reject: (e: Error) => void }
interface Running extends Waiting { id: number; timer: NodeJS.Timeout; timedOut: boolean }
interface Slot { child: ChildProcess; ready: boolean; current?: Running; stderr: string; idleTimer?: NodeJS.Timeout }

const CHILD = fileURLToPath(new URL('./parse-child.mjs', import.meta.url));

export class ParsePool implements FileParser {
  private readonly slots = new Set<Slot>();
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ParsePoolOptions) {}

  parse<J extends ParseJob>(job: J): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(appError('FILE_PARSE_BUSY'));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(appError('FILE_PARSE_BUSY', undefined, { queued: this.queue.length }));
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** How many children are alive (for tests and the log). */
  get size(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.reject(appError('FILE_PARSE_BUSY'));
    await Promise.all([...this.slots].map((s) => this.kill(s)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => s.ready && !s.current);
      if (!slot) {
        if (this.slots.size >= this.options.workers) return;
        // A child that is still starting takes the next job once it says it is ready.
        if ([...this.slots].some((s) => !s.ready)) return;
        this.spawn();
        return;
      }
      const waiting = this.queue.shift();
      if (waiting) this.start(slot, waiting);
    }
  }

  private spawn(): void {
    const child = fork(CHILD, [], {
      execArgv: [`--max-old-space-size=${this.options.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { child, ready: false, stderr: '' };
    this.slots.add(slot);
    // Only the tail of stderr is kept: it says whether V8 ran out of heap.
    child.stderr?.on('data', (d: Buffer) => { slot.stderr = (slot.stderr + d.toString('utf8')).slice(-4000); });
    child.on('message', (msg: unknown) => this.onMessage(slot, msg));
    child.on('exit', (code, signal) => this.onExit(slot, code, signal));
    child.on('error', () => { /* 'exit' follows and settles the job */ });
  }

  private start(slot: Slot, waiting: Waiting): void {
    clearTimeout(slot.idleTimer);
    const running: Running = { ...waiting, id: this.nextId++, timedOut: false, timer: setTimeout(() => {
      running.timedOut = true;
      slot.child.kill('SIGKILL');
    }, this.options.timeoutMs) };
    slot.current = running;
    slot.child.ref();
    slot.child.send({ id: running.id, job: waiting.job });
  }

  private onMessage(slot: Slot, msg: unknown): void {
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as { ready?: boolean; id?: number; result?: unknown; error?: { message?: string; code?: string; details?: Record<string, unknown> } };
    if (m.ready) {
      slot.ready = true;
      this.dispatch();
      if (!slot.current) this.idle(slot);
      return;
    }
    const running = slot.current;
    if (!running || m.id !== running.id) return;
    clearTimeout(running.timer);
    slot.current = undefined;
    if (m.error) running.reject(m.error.code && isErrorCode(m.error.code) ? new AppError(m.error.code, m.error.message ?? '', m.error.details) : new Error(m.error.message ?? 'parse failed'));
    else running.resolve(m.result);
    this.idle(slot);
    this.dispatch();
  }

  private idle(slot: Slot): void {
    if (slot.current) return;
    slot.child.unref();
    (slot.child.channel as { unref?: () => void } | undefined)?.unref?.();
    slot.idleTimer = setTimeout(() => void this.kill(slot), this.options.idleMs ?? 60_000);
    slot.idleTimer.unref();
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    this.slots.delete(slot);
    clearTimeout(slot.idleTimer);
    const running = slot.current;
    slot.current = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.reject(this.exitError(running, slot, code, signal));
    } else if (!slot.ready && !this.closed) {
      // The child died before it could take work: say so rather than wait for ever.
      for (const w of this.queue.splice(0)) w.reject(new Error(`parse process failed to start: ${slot.stderr.slice(-500)}`));
    }
    if (!this.closed) this.dispatch();
  }

  private exitError(running: Running, slot: Slot, code: number | null, signal: NodeJS.Signals | null): Error {
    const fileName = running.job.fileName;
    if (running.timedOut) return limitError(fileName, 'time', Math.round(this.options.timeoutMs / 1000));
    if (/heap out of memory|Reached heap limit|allocation failed/i.test(slot.stderr) || signal === 'SIGABRT' || code === 134) {
      return limitError(fileName, 'memory', this.options.memoryMb);
    }
    return new Error(`parse process exited (code ${code}, signal ${signal}): ${slot.stderr.slice(-500)}`);
  }

  private kill(slot: Slot): Promise<void> {
    return killChild(slot.child, slot.idleTimer);
  }
}

/** The pool the configuration asks for (PARSE_WORKERS, PARSE_MEMORY_MB, PARSE_TIMEOUT_SECONDS, PARSE_QUEUE). */
export function parsePoolOf(config: Config): ParsePool {
  return new ParsePool({ workers: config.PARSE_WORKERS, memoryMb: config.PARSE_MEMORY_MB, timeoutMs: config.PARSE_TIMEOUT_SECONDS * 1000, maxQueue: config.PARSE_QUEUE });
}
