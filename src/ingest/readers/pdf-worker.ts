/**
 * Client of the pdfjs worker thread (pdf-thread.mjs). Why a thread: in Node pdfjs otherwise runs
 * on the main thread, where a damaged embedded font can keep its parser busy for tens of seconds
 * in one synchronous stretch — freezing the server, impossible to cancel. A thread can be
 * terminated at a deadline, and keeps the event loop free while a large PDF is read.
 */
import { Worker } from 'node:worker_threads';
import { toPage, type PageContent } from './pdf-page.ts';

interface Pending { pages: PageContent[]; resolve: (pages: PageContent[]) => void; reject: (e: Error) => void }
interface Shared { thread: Worker; pending: Map<number, Pending>; pagesRead: number; idleTimer?: NodeJS.Timeout }

let shared: Shared | undefined;
let nextId = 1;

/**
 * pdfjs keeps caches and V8 keeps freed heap for a while, so a thread's memory grows with what it
 * has read: once it has read this many pages it is retired when its reads are done, and a new
 * thread starts for the next document (100-page bench: peak 344 → under 300 MB).
 */
const RECYCLE_AFTER_PAGES = 150;
/** An idle thread (~150 MB after a large PDF) exits after this long; the next read restarts it. */
const IDLE_EXIT_MS = 60_000;

/** An error from pdfjs inside the thread, with its original name (PasswordException …). */
export class PdfThreadError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function stop(s: Shared, e: Error): void {
  if (shared === s) shared = undefined;
  for (const p of s.pending.values()) p.reject(e);
  s.pending.clear();
}

function start(): Shared {
  // execArgv: [] — the thread is plain JS; inheriting `--import tsx` would cost memory for nothing.
  // A small young generation: pdfjs churns short-lived objects per page, and V8's default
  // semi-spaces let the thread's RSS grow by ~40 MB before collecting. No old-generation limit on
  // purpose: reaching one may abort the whole process instead of the thread (nodejs/node#47224).
  const thread = new Worker(new URL('./pdf-thread.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  const s: Shared = { thread, pending: new Map(), pagesRead: 0 };
  thread.on('message', (msg: unknown) => {
    if (typeof msg !== 'object' || msg === null) return;
    const { id, page, done, error } = msg as { id?: unknown; page?: unknown; done?: unknown; error?: { name?: unknown; message?: unknown } };
    const p = typeof id === 'number' ? s.pending.get(id) : undefined;
    if (!p || typeof id !== 'number') return;
    if (page !== undefined) {
      p.pages.push(toPage(page, p.pages.length));
      s.pagesRead++;
      return;
    }
    s.pending.delete(id);
    if (s.pending.size === 0) idle(s);
    if (error) p.reject(new PdfThreadError(typeof error.name === 'string' ? error.name : 'Error', typeof error.message === 'string' ? error.message : ''));
    else if (done !== undefined) p.resolve(p.pages);
  });
  thread.on('error', (e) => stop(s, (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new PdfThreadError('OutOfMemory', e.message) : e));
  thread.on('exit', () => stop(s, new Error('pdf thread exited')));
  thread.unref(); // an idle reader thread must not keep a CLI process alive
  return s;
}

// No read in flight: retire a thread that has read a lot, else let it exit when unused for a while.
function idle(s: Shared): void {
  s.thread.unref();
  if (s.pagesRead >= RECYCLE_AFTER_PAGES) return retire(s);
  s.idleTimer = setTimeout(() => retire(s), IDLE_EXIT_MS);
  s.idleTimer.unref();
}

function retire(s: Shared): void {
  if (shared === s) shared = undefined;
  if (s.pending.size === 0) void s.thread.terminate();
}

/**
 * Extracts runs and rulings of every page in the shared thread. On the deadline the thread is
 * terminated (the only way to stop a stuck parse) and `onTimeout()` is thrown; reads sharing the
 * thread fail with an Error and may be retried.
 */
export function extractPdfPages(bytes: Uint8Array, timeoutMs: number, onTimeout: () => Error): Promise<PageContent[]> {
  const s = shared ?? (shared = start());
  clearTimeout(s.idleTimer);
  const id = nextId++;
  return new Promise<PageContent[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      s.pending.delete(id);
      stop(s, new Error('pdf thread stopped after another read timed out'));
      void s.thread.terminate();
      reject(onTimeout());
    }, timeoutMs);
    const done = <T>(f: (v: T) => void) => (v: T): void => { clearTimeout(timer); f(v); };
    s.pending.set(id, { pages: [], resolve: done(resolve), reject: done(reject) });
    s.thread.ref();
    // A copy, transferred: the caller keeps its bytes, and nothing is cloned twice.
    const data = bytes.slice();
    s.thread.postMessage({ id, data }, [data.buffer]);
  });
}
