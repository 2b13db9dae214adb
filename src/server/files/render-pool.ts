/**
 * The render pool: DOCX and XLSX rendering (and the chart drawing inside them) in child
 * processes, never on the server's event loop, so a document download does not slow the lists.
 * Bounded: at most `workers` renders at once (one by default: a render takes a core, and a
 * 2-core server has one to spare), each process with its own heap limit, `maxQueue` waiting
 * (more are refused as busy), a deadline per render after which the process is killed.
 * Processes, not threads (issue 20): a process runs at a lower priority as a whole — its own
 * thread, V8's garbage-collection and compiler helpers and libuv's pool — while a thread's helpers
 * are the server's, at full priority, and took 40 % of a render's CPU; and the
 * renderers' modules and heap (docx, ECharts, resvg, exceljs) are not the server's.
 * Processes are reused and end after a minute idle.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appError } from '../../domain/errors.ts';
import type { RenderJob } from './render-jobs.ts';
import { killChild } from './kill-child.ts';

export interface RenderPoolOptions {
  workers: number;
  memoryMb: number;
  timeoutMs: number;
  maxQueue: number;
  idleMs?: number;
}

interface Waiting { job: RenderJob; resolve: (v: Uint8Array) => void; reject: (e: Error) => void }
interface Running extends Waiting { id: number; timer: NodeJS.Timeout }
interface Slot { child: ChildProcess; ready: boolean; current?: Running; stderr: string; idleTimer?: NodeJS.Timeout }

const CHILD = fileURLToPath(new URL('./render-worker.mjs', import.meta.url));

/**
 * A render process starts under `nice -n 10` where there is one: threads inherit the value they
 * are created with, so only a process started niced has all its threads below the server's.
 */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((p) => existsSync(p));

export class RenderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions) {}

  render(job: RenderJob): Promise<Uint8Array> {
    if (this.closed || this.queue.length >= this.options.maxQueue) return Promise.reject(appError('RENDER_BUSY'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Processes alive (for tests). */
  get size(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.reject(appError('RENDER_BUSY'));
    await Promise.all([...this.slots].map((s) => this.kill(s)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => s.ready && !s.current);
      if (!slot) {
        if (this.slots.size < this.options.workers && ![...this.slots].some((s) => !s.ready)) this.spawn();
        return;
      }
      const waiting = this.queue.shift();
      if (waiting) this.start(slot, waiting);
    }
  }

  private spawn(): void {
    const execArgv = [`--max-old-space-size=${this.options.memoryMb}`];
    const child = fork(CHILD, [], {
      ...(NICE ? { execPath: NICE, execArgv: ['-n', '10', process.execPath, ...execArgv] } : { execArgv }),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { child, ready: false, stderr: '' };
    this.slots.add(slot);
    child.stderr?.on('data', (d: Buffer) => { slot.stderr = (slot.stderr + d.toString('utf8')).slice(-4000); });
    child.on('message', (msg: { ready?: boolean; id?: number; bytes?: Uint8Array; error?: string }) => this.onMessage(slot, msg));
    child.on('exit', (code, signal) => this.onExit(slot, new Error(`render process exited (code ${code}, signal ${signal}) ${slot.stderr.slice(-300)}`.trim())));
    child.on('error', () => { /* 'exit' follows and settles the job */ });
  }

  private start(slot: Slot, waiting: Waiting): void {
    clearTimeout(slot.idleTimer);
    slot.child.ref();
    (slot.child.channel as { ref?: () => void } | undefined)?.ref?.();
    const running: Running = { ...waiting, id: this.nextId++, timer: setTimeout(() => { slot.child.kill('SIGKILL'); }, this.options.timeoutMs) };
    slot.current = running;
    slot.child.send({ id: running.id, job: waiting.job });
  }

  private onMessage(slot: Slot, msg: { ready?: boolean; id?: number; bytes?: Uint8Array; error?: string }): void {
    if (msg.ready) {
      slot.ready = true;
      this.dispatch();
      this.idle(slot);
      return;
    }
    const running = slot.current;
    if (!running || msg.id !== running.id) return;
    clearTimeout(running.timer);
    slot.current = undefined;
    if (msg.error !== undefined || !msg.bytes) running.reject(new Error(`render failed: ${msg.error ?? 'no output'}`));
    else running.resolve(msg.bytes);
    this.dispatch();
    this.idle(slot);
  }

  private idle(slot: Slot): void {
    if (slot.current) return;
    slot.child.unref();
    (slot.child.channel as { unref?: () => void } | undefined)?.unref?.();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void this.kill(slot), this.options.idleMs ?? 60_000);
    slot.idleTimer.unref();
  }

  private onExit(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idleTimer);
    const running = slot.current;
    slot.current = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.reject(new Error(`render process ended (time or memory limit, ${this.options.timeoutMs / 1000} s / ${this.options.memoryMb} MB): ${error.message}`));
    } else if (!slot.ready && !this.closed) {
      for (const w of this.queue.splice(0)) w.reject(new Error(`render process failed to start: ${error.message}`));
    }
    if (!this.closed) this.dispatch();
  }

  private kill(slot: Slot): Promise<void> {
    return killChild(slot.child, slot.idleTimer);
  }
}

let shared: RenderPool | null = null;
let settings: RenderPoolOptions = { workers: 1, memoryMb: 256, timeoutMs: 60_000, maxQueue: 32 };

/** Sets the pool's bounds (RENDER_WORKERS, RENDER_MEMORY_MB, RENDER_QUEUE), before its first use. */
export function configureRenderPool(options: Partial<RenderPoolOptions>): void {
  settings = { ...settings, ...options };
}

/**
 * The process's render pool, created on first use: one process by default (a render is short;
 * the other core serves requests).
 */
export function renderPool(): RenderPool {
  shared ??= new RenderPool(settings);
  return shared;
}

/** Renders a job in the process's pool. */
export function render(job: RenderJob): Promise<Uint8Array> {
  return renderPool().render(job);
}

/** Ends the process's pool (server shutdown). */
export async function closeRenderPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
