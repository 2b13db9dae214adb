/** True when dist/ is missing or older than any source. */
export function serverBuildStale(): boolean;
/** Compiles to dist/ now; returns the exit code. */
export function buildServer(options?: { quiet?: boolean }): number;
/** Builds dist/ when it is missing or stale (once, however many processes ask at the same time). */
export function ensureServerBuilt(): Promise<void>;
