// Province data set (issue 20): a 湖南-sized database — 271 regions (province, 14 cities, 122
// counties and districts, 134 parks), ~3,200 units, 153 plans over 2021–2026, ~29 k tasks,
// ~87 k task–unit links, ≥ 1 M progress reports, ~1.3 M audit rows — built by the product's own
// migrations and then bulk SQL (generate_series, set-based inserts), deterministic (hashint4, no
// random()), in well under a minute. Run: node bench/province/generate.mjs [database] (default
// prov_bench on DATABASE_URL's server or 127.0.0.1). Refuses a database that exists unless --force.
import { spawnSync } from 'node:child_process';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

export const PASSWORD = 'Yingshang@2026';
/** The bench's "today": the server runs on the real date; the data set is built around it. */
export const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];

/** postgres://… of `name` on the server of `base`. */
export function databaseUrl(base, name) {
  return Object.assign(new URL(base), { pathname: `/${name}` }).toString();
}

// A deterministic pseudo-random number in [0, n) from integers (PostgreSQL's own hash).
const h = (expr, n) => `((hashint4(${expr}) & 2147483647) % ${n})`;

/** The statements that fill an empty, migrated database, each with a label for the timing line. */
function steps(passwordHash, today) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return [
    ['regions', `
      insert into regions (id, name, level, parent_id) values (1, '湖南省', 'province', null);
      insert into regions (id, name, level, parent_id) select 1 + i, (array[${CITIES.map((c) => `'${c}'`).join(',')}])[i], 'city', 1 from generate_series(1, 14) i;
      -- 122 counties and districts, 8–9 per city; 134 parks: one per county, 12 city-level parks
      insert into regions (id, name, level, parent_id)
        select 15 + k, format('%s第%s%s', (select name from regions where id = 1 + (k - 1) % 14), (k - 1) / 14 + 1, case when k % 4 = 0 then '区' else '县' end),
          (case when k % 4 = 0 then 'district' else 'county' end)::region_level, 1 + (k - 1) % 14 from generate_series(1, 122) k;
      insert into regions (id, name, level, parent_id)
        select 137 + k, format('%s高新技术产业开发区', r.name), 'park', r.id from generate_series(1, 122) k join regions r on r.id = 15 + k;
      insert into regions (id, name, level, parent_id)
        select 259 + k, format('%s经济技术开发区', r.name), 'park', r.id from generate_series(1, 12) k join regions r on r.id = 1 + k;
      select setval('regions_id_seq', (select max(id) from regions));`],
    ['units', `
      insert into units (region_id, name, kind)
        select r.id, format('%s%s', r.name, case when n = 1 then '人民政府' else format('第%s局', n) end),
          (case when n = 1 then 'government' when n % 11 = 0 then 'utility' when n % 13 = 0 then 'bank' when n % 17 = 0 then 'court' else 'department' end)::unit_kind
        from regions r cross join lateral generate_series(1, case r.level when 'province' then 60 when 'city' then 45 when 'park' then 3 else 17 end) n;
      create temporary table region_units as select region_id, array_agg(id order by id) ids, count(*)::int n from units group by region_id;`],
    ['users', `
      insert into users (login, display_name, password_hash, role, region_id, unit_id)
        select format('office-%s', r.id), format('%s优化办', r.name), '${passwordHash}', 'office', r.id, null from regions r where r.level <> 'park';
      insert into users (login, display_name, password_hash, role, region_id, unit_id)
        select format('office-%s-%s', r.id, k), format('%s优化办%s', r.name, k), '${passwordHash}', 'office', r.id, null
          from regions r cross join generate_series(2, case r.level when 'province' then 10 when 'city' then 5 else 1 end) k where r.level <> 'park';
      insert into users (login, display_name, password_hash, role, region_id, unit_id)
        select format('leader-%s-%s', r.id, k), format('%s分管领导%s', r.name, k), '${passwordHash}', 'leader', r.id, null
          from regions r cross join generate_series(1, case r.level when 'province' then 5 else 2 end) k where r.level in ('province', 'city');
      insert into users (login, display_name, password_hash, role, region_id, unit_id)
        select format('unit-%s', u.id), u.name, '${passwordHash}', 'unit', u.region_id, u.id from units u;
      insert into users (login, display_name, password_hash, role, region_id, unit_id) values ('prov-admin', '平台管理员', '${passwordHash}', 'admin', 1, null);`],
    ['plans', `
      create temporary table plan_spec as
        select r.id as region_id, y as year, case r.level when 'province' then 400 when 'city' then 220 else 130 end as ntasks
        from regions r cross join unnest(array[${YEARS.join(',')}]) y
        where r.level in ('province', 'city') or (r.level in ('county', 'district') and (r.id % 6 = 0 or r.id = 17) and y >= ${YEARS.at(-3)});
      insert into plans (region_id, title, issuer, doc_number, issued_on, year)
        select s.region_id, format('%s%s年优化营商环境重点任务实施方案', r.name, s.year), format('%s人民政府办公室', r.name), format('优化办发〔%s〕1号', s.year), format('%s-02-15', s.year)::date, s.year
        from plan_spec s join regions r on r.id = s.region_id order by s.year, s.region_id;
      insert into plan_supervision (plan_id, cycle) select id, 'month' from plans;
      insert into indicators (plan_id, seq, name, leader, lead_units)
        select p.id, k, format('一级指标%s', k), '分管副市长', '{}' from plans p cross join generate_series(1, 18) k;`],
    ['tasks', `
      insert into tasks (plan_id, indicator_id, seq, text, deadline, due_on, sub_indicator)
        select p.id, i.id, k, format('围绕%s第%s项举措：深化“一网通办”，压缩办理时限至%s个工作日以内，推动政务服务事项全程网办。', p.title, k, 1 + ${h('p.id * 1000 + k', 5)}),
          format('%s-%s', p.year, lpad((3 + ${h('p.id * 7919 + k', 10)})::text, 2, '0')),
          (make_date(p.year, 3 + ${h('p.id * 7919 + k', 10)}, 1) + interval '1 month' - interval '1 day')::date,
          format('二级指标%s', 1 + k % 40)
        from plans p join plan_spec s on s.region_id = p.region_id and s.year = p.year
        cross join lateral generate_series(1, s.ntasks) k
        join indicators i on i.plan_id = p.id and i.seq = 1 + (k - 1) % 18;`],
    ['task_units', `
      insert into task_units (task_id, unit_id, role, position, written_name)
        select t.id, ru.ids[1 + (${h('t.id * 31', 'ru.n')} + pos * 7) % ru.n], case when pos = 0 then 'lead' else 'responsible' end::task_unit_role, pos, u.name
        from tasks t join plans p on p.id = t.plan_id join region_units ru on ru.region_id = p.region_id
        cross join lateral generate_series(0, ${h('t.id', 5)}) pos
        join units u on u.id = ru.ids[1 + (${h('t.id * 31', 'ru.n')} + pos * 7) % ru.n];`],
    ['task_supervision', `
      -- Tasks due before today are mostly done (older years nearly all); done on or a little after the deadline.
      insert into task_supervision (task_id, completed_at, done_on, completed_by, completion_comment)
        select t.id, (t.due_on - ${h('t.id', 20)} + 3)::timestamp at time zone 'Asia/Shanghai', t.due_on - ${h('t.id', 20)} + 1, (select id from users where login = 'prov-admin'), '同意办结'
        from tasks t join plans p on p.id = t.plan_id
        where t.due_on < '${today}'::date and ${h('t.id * 3', 100)} < case when p.year < ${year} then 95 else 70 end;`],
    ['progress_reports', `
      -- One report per task–unit link per month of the plan's year that has ended (the current
      -- month too while its report is being drafted), consolidated reports accepted; the last
      -- month's lead reports pending review, in draft or returned.
      insert into progress_reports (task_id, unit_id, period, version, role, state, status, percent, work_done, created_by, created_at, updated_at, submitted_at, submitted_by, reviewed_at, reviewed_by)
        select tu.task_id, tu.unit_id, format('%s-%s', p.year, lpad(m::text, 2, '0')), 1, tu.role::text::report_role,
          (case when p.year = ${year} and m = ${month} then 'draft'
                when p.year = ${year} and m = ${month - 1} and tu.role = 'lead' then (array['submitted','submitted','submitted','draft','returned','accepted'])[1 + ${h('tu.task_id * 13 + m', 6)}]
                when tu.role = 'lead' and ${h('tu.task_id * 17 + m', 200)} = 0 then 'submitted'
                when tu.role = 'lead' then 'accepted' else 'submitted' end)::report_state,
          (case when m * 100 / 12 >= 90 then 'done' when m = 1 then 'not_started' else 'in_progress' end)::progress_status,
          least(100, m * 9 + ${h('tu.task_id + m', 10)}),
          format('%s月份：已完成阶段性工作，累计办理事项%s件，群众满意率%s%%。', m, 10 + ${h('tu.task_id * 5 + m', 500)}, 90 + ${h('tu.task_id + m * 3', 10)}),
          ua.id, ts, ts, case when p.year = ${year} and m = ${month} then null else ts end, ua.id,
          case when tu.role = 'lead' and not (p.year = ${year} and m >= ${month - 1}) then ts + interval '2 days' end, null
        from task_units tu join tasks t on t.id = tu.task_id join plans p on p.id = t.plan_id
        join users ua on ua.login = 'unit-' || tu.unit_id
        cross join lateral generate_series(1, case when p.year < ${year} then 12 else ${month} end) m
        cross join lateral (select (make_date(p.year, m, 1) + interval '1 month' + (${h('tu.task_id + m', 72)} || ' hours')::interval)::timestamptz ts) x
        ;`],
    ['progress_reports v2', `
      -- Corrections: returned reports of earlier months filed again as version 2.
      insert into progress_reports (task_id, unit_id, period, version, role, state, status, percent, work_done, created_by, created_at, updated_at, submitted_at, submitted_by, reviewed_at)
        select task_id, unit_id, period, 2, role, 'accepted', status, percent, work_done || '（已按意见补充）', created_by, created_at + interval '3 days', created_at + interval '3 days', submitted_at + interval '3 days', submitted_by, reviewed_at + interval '4 days'
        from progress_reports where role = 'lead' and state = 'accepted' and ${h('id', 40)} = 0;`],
    ['task_lights', `
      insert into task_lights (task_id, period, light, reasons, computed_at)
        select t.id, format('%s-%s', p.year, lpad(m::text, 2, '0')),
          (case when ts.done_on is not null and ts.done_on <= (make_date(p.year, m, 1) + interval '1 month' - interval '1 day')::date then 'done'
                when t.due_on < make_date(p.year, m, 1) then 'red'
                when t.due_on < make_date(p.year, m, 1) + interval '45 days' then 'yellow' else 'green' end)::light,
          '{}', least(make_date(p.year, m, 1) + interval '1 month', '${today}'::date - 1)
        from tasks t join plans p on p.id = t.plan_id left join task_supervision ts on ts.task_id = t.id
        cross join lateral generate_series(1, case when p.year < ${year} then 12 else ${month} end) m;`],
    ['audit_log', `
      insert into audit_log (at, actor_user_id, action, entity, entity_id, details)
        select coalesce(submitted_at, created_at), created_by, case when state = 'draft' then 'report.save' else 'report.submit' end, 'task', task_id::text,
          jsonb_build_object('reportId', id, 'period', period, 'version', version)
        from progress_reports;
      insert into audit_log (at, actor_user_id, action, entity, entity_id, details)
        select reviewed_at, (select id from users where login = 'office-1'), 'report.accept', 'task', task_id::text, jsonb_build_object('reportId', id, 'period', period, 'version', version)
        from progress_reports where reviewed_at is not null and ${h('id', 3)} = 0;
      insert into audit_log (at, actor_user_id, action, entity, entity_id, details)
        select make_date(2021, 1, 1) + (k % 2100), 1 + k % 3000, 'session.create', 'user', (1 + k % 3000)::text, null from generate_series(1, 90000) k;`],
  ];
}

/** Builds the data set in database `name` (created; dropped first when `force`). Returns figures. */
export async function generate({ base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', name = 'prov_bench', force = false, today, log = console.log } = {}) {
  const day = today ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const adminClient = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
  await adminClient.connect();
  const exists = (await adminClient.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0;
  if (exists && !force) { await adminClient.end(); throw new Error(`database ${name} exists (use --force to rebuild it)`); }
  if (exists) await adminClient.query(`drop database "${name}" with (force)`);
  await adminClient.query(`create database "${name}"`);
  await adminClient.end();
  const url = databaseUrl(base, name);
  const t0 = performance.now();
  const migrated = spawnSync(process.execPath, ['bin/yingshang.mjs', 'migrate'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (migrated.status !== 0) throw new Error('migrations failed');
  log(`  migrations ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const passwordHash = await hash(PASSWORD);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    // Bulk load: no per-row foreign-key triggers (the statements join what they reference) and the
    // big tables' secondary indexes built once at the end.
    await db.query(`set synchronous_commit = off; set maintenance_work_mem = '256MB'; set work_mem = '64MB'; set session_replication_role = replica`);
    const { rows: indexes } = await db.query(`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('progress_reports', 'audit_log', 'task_lights')
      and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`);
    for (const i of indexes) await db.query(`drop index "${i.indexname}"`);
    for (const [label, sql] of steps(passwordHash, day)) {
      const t = performance.now();
      await db.query(sql);
      log(`  ${label.padEnd(20)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const ti = performance.now();
    await db.query(`set session_replication_role = origin`);
    await Promise.all(indexes.map(async (i) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try { await c.query(`set maintenance_work_mem = '256MB'`); await c.query(i.indexdef); } finally { await c.end(); }
    }));
    // As autovacuum would leave them: statistics and the visibility map (index-only scans).
    await db.query('vacuum analyze');
    log(`  ${'indexes, vacuum'.padEnd(20)} ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    const { rows: [counts] } = await db.query(`select (select count(*) from regions)::int regions, (select count(*) from units)::int units, (select count(*) from plans)::int plans,
      (select count(*) from tasks)::int tasks, (select count(*) from task_units)::int links, (select count(*) from progress_reports)::int reports,
      (select count(*) from audit_log)::int audit, (select count(*) from users)::int users, (select count(*) from task_lights)::int lights`);
    return { url, seconds: (performance.now() - t0) / 1000, counts, today: day };
  } finally {
    await db.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--')) ?? 'prov_bench';
  const r = await generate({ name, force: args.includes('--force') });
  console.log(`province data set in ${r.seconds.toFixed(1)} s:`, r.counts);
}
