/**
 * `yingshang report KIND --plan ID --period PERIOD --out FILE`: writes a document of the plan from
 * the database — the same model the API drafts — as DOCX, or PDF when FILE ends in .pdf and
 * LibreOffice is installed; `responsibility-table` writes the plan's XLSX. `--date` dates it
 * (default: the period's issue date); `--issue --as LOGIN` issues it as that office account —
 * numbered, frozen and archived like the web's 印发 — and writes the issued copy. Bad input exits 1
 * (2 for bad usage) with one line on stderr: CODE: 中文说明.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { appError, isAppError } from '../../domain/errors.ts';
import { parsePeriod } from '../../domain/supervision/periods.ts';
import { WorkCalendar, chinaDate } from '../../domain/supervision/work-calendar.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { loadActor } from '../../server/auth/actor.ts';

import { createDraft, issueDocument } from '../../server/use-cases/documents/documents.ts';
import { renderDocx, type ReportKind } from '../../reports/index.ts';
import { loadConfig } from '../../server/config.ts';
import { buildModel, periodFor, KIND_LABELS } from '../../server/use-cases/documents/build-model.ts';
import { loadPlanWithRegion } from '../../server/use-cases/documents/issuing-office.ts';
import { periodOrders } from '../../server/use-cases/documents/order-data.ts';
import { docxToPdf } from '../../server/use-cases/documents/pdf.ts';
import { responsibilityTableXlsx } from '../../server/use-cases/documents/responsibility-data.ts';
import { openForCli } from '../database.ts';

// The CLI's kind names (short, as officials say them) → the engine's kinds.
const KINDS: Record<string, ReportKind | 'responsibility-table'> = {
  'brief': 'dekad-brief', 'monthly-notice': 'monthly-notice', 'quarterly-review': 'quarterly-summary', 'half-year-review': 'half-year-review',
  'annual-summary': 'annual-summary', 'bulletin': 'work-bulletin', 'commendation': 'commendation', 'supervision-order': 'supervision-order',
  'responsibility-table': 'responsibility-table',
};

const USAGE = `用法 (usage): yingshang report KIND --plan ID --period PERIOD --out FILE [--order ID] [--layout ten|six] [--date YYYY-MM-DD] [--issue --as LOGIN]
  KIND: ${Object.keys(KINDS).join(' | ')}
  --date  成文日期（默认：期间结束日）；--issue --as LOGIN  以该优化办账号印发（编号、存档），写出印发稿`;

interface Options {
  kind: ReportKind | 'responsibility-table'; planId: number; period: string | undefined; out: string; order: number | undefined; layout: 'ten' | 'six' | undefined;
  date: string | undefined; issueAs: string | undefined;
}

class UsageError extends Error {}

function parse(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      plan: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, order: { type: 'string' }, layout: { type: 'string' },
      date: { type: 'string' }, issue: { type: 'boolean' }, as: { type: 'string' },
    },
  });
  const [name, ...extra] = positionals;
  if (!name || extra.length) throw new UsageError(`需要且只需要一个公文类型 (${USAGE})`);
  const kind = KINDS[name];
  if (!kind) throw new UsageError(`未知的公文类型“${name}”，可用：${Object.keys(KINDS).join('、')}`);
  const planId = Number(values.plan);
  if (!values.plan || !Number.isInteger(planId) || planId <= 0) throw new UsageError('--plan 应为方案编号（正整数）');
  if (!values.out) throw new UsageError('缺少 --out FILE');
  if (kind !== 'responsibility-table' && !values.period) throw new UsageError('缺少 --period（如 2023-06、2023-06-2、2023-Q2、2023-H1、2023）');
  if (values.layout !== undefined && values.layout !== 'ten' && values.layout !== 'six') throw new UsageError('--layout 应为 ten 或 six');
  const order = values.order === undefined ? undefined : Number(values.order);
  if (order !== undefined && (!Number.isInteger(order) || order <= 0)) throw new UsageError('--order 应为督办记录编号（正整数）');
  if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError(`--date 应为有效日期 YYYY-MM-DD（收到“${values.date}”）`);
  if (values.issue && !values.as) throw new UsageError('--issue 需要 --as LOGIN（以哪个优化办账号印发）');
  if (values.as && !values.issue) throw new UsageError('--as 只与 --issue 一起使用');
  if (values.issue && kind === 'responsibility-table') throw new UsageError('责任分工表不印发，去掉 --issue');
  // A wrong period is caught before the database is opened (it takes seconds).
  if (kind !== 'responsibility-table' && values.period) periodFor(kind, values.period);
  return { kind, planId, period: values.period, out: values.out, order, layout: values.layout, date: values.date, issueAs: values.issue ? values.as : undefined };
}

function isIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const noPdf = (): Error => Object.assign(new Error('未安装 LibreOffice（soffice），无法生成 PDF；请改用 .docx 文件名'), { code: 'DOCUMENT_PDF_UNAVAILABLE' });

/** Writes a draft (no number) and returns the empty string, or issues it and returns its number. */
async function writeDocument(db: Db, o: Options & { kind: ReportKind; period: string }, orderId: number | undefined, out: string): Promise<string | null> {
  const pdfWanted = out.toLowerCase().endsWith('.pdf');
  if (o.issueAs) {
    const issued = await issueFromCli(db, o, orderId);
    const bytes = pdfWanted ? issued.pdf : issued.docx;
    if (!bytes) throw noPdf();
    await writeFile(out, bytes);
    return issued.number ?? '';
  }
  const { model } = await buildModel(db, o.planId, o.kind, o.period, chinaDate(new Date()), new WorkCalendar(), { orderId, ...(o.date ? { date: o.date } : {}) });
  const docx = await renderDocx(model);
  if (!pdfWanted) {
    await writeFile(out, docx);
    return null;
  }
  const pdf = await docxToPdf(docx);
  if (!pdf) throw noPdf();
  await writeFile(out, pdf);
  return null;
}

/** Drafts and issues the document as the named account (the same use cases as the web's 印发). */
async function issueFromCli(db: Db, o: Options & { kind: ReportKind; period: string }, orderId: number | undefined) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.login, o.issueAs ?? ''));
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor) throw appError('VALIDATION_FAILED', `账号“${o.issueAs ?? ''}”不存在`, { field: 'as' });
  const now = new Date();
  const draft = await createDraft(db, actor, o.planId, { kind: o.kind, period: o.period, ...(orderId ? { orderId } : {}), ...(o.date ? { date: o.date } : {}) }, now, new WorkCalendar());
  return issueDocument(db, actor, draft.id, now);
}

/** With no --order, a 督办单 per order of the period: FILE, or FILE-1, FILE-2 … when there are several. */
async function orderFiles(db: Db, o: Options & { period: string }): Promise<{ orderId: number | undefined; out: string }[]> {
  if (o.kind !== 'supervision-order' || o.order !== undefined) return [{ orderId: o.order, out: o.out }];
  const period = parsePeriod(o.period);
  const ids = period ? await periodOrders(db, o.planId, period) : [];
  if (ids.length <= 1) return [{ orderId: ids[0], out: o.out }];
  const dot = o.out.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [o.out.slice(0, dot), o.out.slice(dot)] : [o.out, ''];
  return ids.map((id, i) => ({ orderId: id, out: `${base}-${i + 1}${ext}` }));
}

async function produce(db: Db, o: Options): Promise<string[]> {
  await loadPlanWithRegion(db, o.planId);
  if (o.kind === 'responsibility-table') {
    const table = await responsibilityTableXlsx(db, o.planId, o.layout);
    await writeFile(o.out, table.bytes);
    return [`${o.out}（责任分工表，${table.layout === 'ten' ? '十列' : '六列'}）`];
  }
  const withPeriod = { ...o, kind: o.kind, period: o.period ?? '' };
  const files = await orderFiles(db, withPeriod);
  const written: string[] = [];
  for (const f of files) {
    const number = await writeDocument(db, withPeriod, f.orderId, f.out);
    const label = `${KIND_LABELS[o.kind]}，${parsePeriod(withPeriod.period)?.label ?? withPeriod.period}`;
    written.push(number === null ? `${f.out}（${label}，草稿）` : `${f.out}（${label}，已印发${number ? ` ${number}` : ''}）`);
  }
  return written;
}

function errorLine(e: unknown): string | null {
  if (isAppError(e)) return `${e.code}: ${e.message}`;
  if (e instanceof Error && 'code' in e && e.code === 'DOCUMENT_PDF_UNAVAILABLE') return `DOCUMENT_PDF_UNAVAILABLE: ${e.message}`;
  if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('E')) return `FILE_UNWRITABLE: 无法写出文件：${e.message}`;
  return null;
}

/** Runs `report KIND …`; returns 0 on success, 1 on bad input, 2 on bad usage. */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: Options;
  try {
    options = parse(args);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`REPORT_USAGE: ${e.message.split('\n')[0] ?? ''}\n`);
      return 2;
    }
    const line = errorLine(e);
    if (!line) throw e;
    process.stderr.write(`${line}\n`);
    return 1;
  }
  const database = await openForCli(loadConfig());
  if (!database) return 1;
  try {
    for (const written of await produce(database.db, options)) process.stdout.write(`已写出 ${written}\n`);
    return 0;
  } catch (e) {
    const line = errorLine(e);
    if (!line) throw e;
    process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
