/**
 * `column = any($1::int[])`: a list of ids (an actor's region subtree, a unit's collectives) as one
 * array parameter. `inArray` sends one parameter per id: a province office's 271 regions cost
 * drizzle a walk over every parameter on each request, and PostgreSQL a new statement text for
 * every length of the list.
 */
import { sql, type Column, type SQL } from 'drizzle-orm';

export function anyOf(column: Column | SQL, ids: readonly number[]): SQL {
  return sql`${column} = any(${sql.param([...ids])}::int[])`;
}
