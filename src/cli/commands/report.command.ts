/**
 * `yingshang report KIND --plan ID --period PERIOD --out FILE`: writes a document of the plan from
 * the database — the same model the API drafts — as DOCX, or PDF when FILE ends in .pdf and
 * LibreOffice is installed; `responsibility-table` writes the plan's XLSX. Bad input exits 1 (2
 * for bad usage) with one line on stderr: CODE: 中文说明.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isAppError } from '../../domain/errors.ts';
import { parsePeriod } from '../../domain/supervision/periods.ts';
import { WorkCalendar, chinaDate } from '../../domain/supervision/work-calendar.ts';
import type { Db } from '../../db/client.ts';
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

const USAGE = `用法 (usage): yingshang report KIND --plan ID --period PERIOD --out FILE [--order ID] [--layout ten|six]
  KIND: ${Object.keys(KINDS).join(' | ')}`;

interface Options { kind: ReportKind | 'responsibility-table'; planId: number; period: string | undefined; out: string; order: number | undefined; layout: 'ten' | 'six' | undefined }

class UsageError extends Error {}

function parse(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { plan: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, order: { type: 'string' }, layout: { type: 'string' } },
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
  // A wrong period is caught before the database is opened (it takes seconds).
  if (kind !== 'responsibility-table' && values.period) periodFor(kind, values.period);
  return { kind, planId, period: values.period, out: values.out, order, layout: values.layout };
}

async function writeDocument(db: Db, o: Options & { kind: ReportKind; period: string }, orderId: number | undefined, out: string): Promise<void> {
  const { model } = await buildModel(db, o.planId, o.kind, o.period, chinaDate(new Date()), new WorkCalendar(), { orderId });
  const docx = await renderDocx(model);
  if (!out.toLowerCase().endsWith('.pdf')) {
    await writeFile(out, docx);
    return;
  }
  const pdf = await docxToPdf(docx);
  if (!pdf) throw Object.assign(new Error('未安装 LibreOffice（soffice），无法生成 PDF；请改用 .docx 文件名'), { code: 'DOCUMENT_PDF_UNAVAILABLE' });
  await writeFile(out, pdf);
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
  for (const f of files) await writeDocument(db, withPeriod, f.orderId, f.out);
  return files.map((f) => `${f.out}（${KIND_LABELS[o.kind as ReportKind]}，${parsePeriod(withPeriod.period)?.label ?? withPeriod.period}）`);
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
