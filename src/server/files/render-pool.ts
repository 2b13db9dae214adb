/**
 * The render pool: DOCX and XLSX rendering (and the chart drawing inside them) in worker threads,
 * never on the server's event loop, so a document download does not slow the lists. Bounded:
 * at most `workers` renders at once, each thread with its own heap limit, `maxQueue` waiting
 * (more are refused as busy), a deadline per render after which the thread is ended. Threads
 * (not processes, as the parse pool uses) because the input is our own document model, not an
 * untrusted file, and a thread starts and hands back bytes without copying. Threads are reused
 * and end after a minute idle.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { appError } from '../../domain/errors.ts';
import type { RenderJob } from './render-jobs.ts';

export interface RenderPoolOptions {
  workers: number;
  memoryMb: number;
  timeoutMs: number;
  maxQueue: number;
  idleMs?: number;
}

interface Waiting { job: RenderJob; resolve: (v: Uint8Array) => void; reject: (e: Error) => void }
interface Running extends Waiting { id: number; timer: NodeJS.Timeout }
interface Slot { worker: Worker; ready: boolean; current?: Running; idleTimer?: NodeJS.Timeout }

const WORKER = fileURLToPath(new URL('./render-worker.mjs', import.meta.url));

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

  /** Threads alive (for tests). */
  get size(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.reject(appError('RENDER_BUSY'));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
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
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on('message', (msg: { ready?: boolean; id?: number; bytes?: Uint8Array; error?: string }) => this.onMessage(slot, msg));
    worker.on('error', (e) => this.onExit(slot, e));
    worker.on('exit', () => this.onExit(slot, new Error('render thread exited')));
  }

  private start(slot: Slot, waiting: Waiting): void {
    clearTimeout(slot.idleTimer);
    slot.worker.ref();
    const running: Running = { ...waiting, id: this.nextId++, timer: setTimeout(() => { void slot.worker.terminate(); }, this.options.timeoutMs) };
    slot.current = running;
    slot.worker.postMessage({ id: running.id, job: waiting.job });
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
    slot.worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void slot.worker.terminate(), this.options.idleMs ?? 60_000);
    slot.idleTimer.unref();
  }

  private onExit(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idleTimer);
    const running = slot.current;
    slot.current = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.reject(new Error(`render thread ended (time or memory limit, ${this.options.timeoutMs / 1000} s / ${this.options.memoryMb} MB): ${error.message}`));
    } else if (!slot.ready && !this.closed) {
      for (const w of this.queue.splice(0)) w.reject(new Error(`render thread failed to start: ${error.message}`));
    }
    if (!this.closed) this.dispatch();
  }
}

let shared: RenderPool | null = null;
let settings: RenderPoolOptions = { workers: 1, memoryMb: 256, timeoutMs: 60_000, maxQueue: 32 };

/** Sets the pool's bounds (RENDER_WORKERS, RENDER_MEMORY_MB, RENDER_QUEUE), before its first use. */
export function configureRenderPool(options: Partial<RenderPoolOptions>): void {
  settings = { ...settings, ...options };
}

/**
 * The process's render pool, created on first use: one thread by default (a render is short; the
 * other core serves requests).
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
