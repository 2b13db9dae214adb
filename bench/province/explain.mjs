// EXPLAIN of the statements a screen ran (from the SQL trace), flagging the sequential scans over
// large tables (more than LARGE rows by the planner's statistics) that ran, with the rows they read.
import pg from 'pg';

export const LARGE = 20_000;

function walk(node, visit) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** Explains each statement; returns [{text, ms, seqScans: [{table, rows}], plan}] (plan as text). */
export async function explainAll(url, statements) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { rows: sizes } = await db.query(`select relname, reltuples::bigint n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`);
  const size = new Map(sizes.map((r) => [r.relname, Number(r.n)]));
  const out = [];
  try {
    for (const s of statements) {
      if (!/^\s*(select|with)/i.test(s.text)) { out.push({ text: s.text, skipped: true, seqScans: [] }); continue; }
      try {
        const { rows: [{ 'QUERY PLAN': [json] }] } = await db.query({ text: `explain (analyze, buffers, format json) ${s.text}`, values: s.values });
        const seqScans = [];
        // A scan in a branch PostgreSQL never ran (Actual Loops 0) reads nothing; one a LIMIT stopped
        // early reads only part of its table: both show the rows actually read.
        walk(json.Plan, (n) => {
          if (n['Node Type'] !== 'Seq Scan' || (size.get(n['Relation Name']) ?? 0) <= LARGE || !n['Actual Loops']) return;
          const read = Math.round((n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops']);
          seqScans.push({ table: n['Relation Name'], rows: size.get(n['Relation Name']), read });
        });
        out.push({ text: s.text, ms: json['Execution Time'], seqScans, top: `${json.Plan['Node Type']} (cost ${json.Plan['Total Cost']})` });
      } catch (e) {
        out.push({ text: s.text, error: e.message, seqScans: [] });
      }
    }
  } finally {
    await db.end();
  }
  return out;
}
