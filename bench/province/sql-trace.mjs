// Preloaded into a server (NODE_OPTIONS=--import …/sql-trace.mjs, SQL_TRACE_FILE=path) by the
// province benchmark's EXPLAIN pass: every statement the server sends to PostgreSQL is appended to
// the file as one JSON line {text, values}, so the benchmark can EXPLAIN what each screen runs.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.SQL_TRACE_FILE;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function traced(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (typeof text === 'string') {
      try { appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`); } catch { /* tracing is best effort */ }
    }
    return query.call(this, config, values, callback);
  };
}
