/**
 * The ambient clock of a unit of work: the server enters it with its injectable clock for each
 * request and job run (AppContext.now), so rows whose time is not passed explicitly — audit
 * entries, inbox messages, evidence files — carry the simulated time in tests and in the demo,
 * not the machine's. Outside any unit of work it falls back to the machine's time.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage<() => Date>();

/** Runs `fn` with `now` as the ambient clock. */
export function withClock<T>(now: () => Date, fn: () => T): T {
  return store.run(now, fn);
}

/** The ambient clock's time, or the machine's outside any unit of work. */
export function ambientNow(): Date {
  return store.getStore()?.() ?? new Date();
}
