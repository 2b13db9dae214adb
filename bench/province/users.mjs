// The bench's 1,000 signed-in users (sessions written straight into the table, as a sign-in would:
// SHA-256 of the cookie token), each with the plan, task and unit its screens open.
import { createHash, randomBytes } from 'node:crypto';

export async function prepareUsers(db, { users = 1000, year }) {
  const offices = Math.round(users * 0.1);
  const leaders = Math.round(users * 0.05);
  const { rows: officeRows } = await db.query(`
    select u.id, u.region_id, (select id from plans p where p.region_id = u.region_id and p.year = $2 order by id limit 1) plan_id
    from users u join regions r on r.id = u.region_id where u.role = 'office'
      and exists (select 1 from plans p where p.region_id = u.region_id and p.year = $2)
    order by r.level = 'province' desc, r.level = 'city' desc, u.id limit $1`, [offices, year]);
  const { rows: leaderRows } = await db.query(`
    select u.id, (select id from plans p where p.region_id = u.region_id and p.year = $2 order by id limit 1) plan_id
    from users u where u.role = 'leader' order by u.id limit $1`, [leaders, year]);
  const { rows: unitRows } = await db.query(`
    select u.id, u.unit_id, min(t.id) task_id, min(t.plan_id) plan_id from users u
    join task_units tu on tu.unit_id = u.unit_id join tasks t on t.id = tu.task_id join plans p on p.id = t.plan_id and p.year = $2
    where u.role = 'unit' group by u.id, u.unit_id order by hashint4(u.id) limit $1`, [users - officeRows.length - leaderRows.length, year]);
  const planTasks = new Map();
  const taskOf = async (planId, i) => {
    if (!planTasks.has(planId)) {
      const { rows } = await db.query('select t.id, (select unit_id from task_units where task_id = t.id and role = \'lead\' limit 1) unit_id from tasks t where plan_id = $1 order by seq', [planId]);
      planTasks.set(planId, rows);
    }
    const list = planTasks.get(planId);
    return list[(i * 37) % list.length];
  };
  const out = [];
  for (const [i, r] of officeRows.entries()) { const t = await taskOf(r.plan_id, i); out.push({ role: 'office', userId: r.id, planId: r.plan_id, taskId: t.id, filterUnit: t.unit_id }); }
  for (const r of leaderRows) out.push({ role: 'leader', userId: r.id, planId: r.plan_id });
  for (const r of unitRows) out.push({ role: 'unit', userId: r.id, planId: r.plan_id, taskId: r.task_id });
  // Only expired sessions go: several runs (the load, a statement count) may share the data set.
  await db.query(`delete from sessions where expires_at < now()`);
  const tokens = out.map(() => randomBytes(32).toString('base64url'));
  await db.query(`insert into sessions (token_hash, user_id, expires_at) select unnest($1::text[]), unnest($2::int[]), now() + interval '1 day'`,
    [tokens.map((t) => createHash('sha256').update(t).digest('hex')), out.map((u) => u.userId)]);
  return out.map((u, i) => ({ ...u, n: 0, cookie: `ys_session=${tokens[i]}` }));
}
