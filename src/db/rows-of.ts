/** The rows of a raw `db.execute(sql…)` result, on either driver (node-postgres and PGlite both give `rows`; some give an array). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
