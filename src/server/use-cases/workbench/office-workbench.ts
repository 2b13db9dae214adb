/**
 * The office's (and the leader's) 工作台: reports to review, extensions to decide, 督办单 awaiting a
 * reply, units that have not reported this period, 签收 outstanding, import drafts, documents due.
 * Every figure is the length of the list beside it, built on the supervision model.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { dueDocuments } from '../../../domain/supervision/due-documents.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { documents } from '../../../db/document-schema.ts';
import { planImports } from '../../../db/import-schema.ts';
import { plans, tasks, units } from '../../../db/schema.ts';
import { extensionRequests, urges } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { visiblePlans } from '../../policies/plan.policy.ts';
import { KIND_LABELS } from '../documents/build-model.ts';
import { planSchedules } from '../supervision/plan-status.ts';
import { reviewQueue } from '../supervision/review-queue.ts';
import { plansAmong, receiptItems } from './receipt-items.ts';
import { unreportedOfPlans } from './unreported.ts';
import { excerpt, item, section, type WorkItem, type WorkSection } from './workbench-types.ts';
import { anyOf } from '../../../db/queries/any-of.ts';

type PlanRef = { id: number; title: string; year: number };

// The review queue is paged (a province office may hold thousands): the card shows the true total
// and the oldest 100; its link opens the whole queue.
async function reviewSection(db: Db, actor: Actor): Promise<WorkSection> {
  const { items, total } = await reviewQueue(db, actor, 1, 100);
  const listed = items.map((r) => item({
    key: `report-${r.id}`, title: `第 ${r.task.seq} 项 · ${r.unit.name}`, detail: `${r.task.planTitle} · ${excerpt(r.task.text)}`,
    link: `/review?report=${r.id}`, planId: r.task.planId, taskId: r.taskId,
  }));
  return { ...section('review', '待审核报告', listed, '/review'), count: total };
}

async function extensionItems(db: Db, planIds: number[]): Promise<WorkItem[]> {
  const rows = await db.select({ id: extensionRequests.id, taskId: extensionRequests.taskId, proposedDueOn: extensionRequests.proposedDueOn, seq: tasks.seq, planId: tasks.planId, unitName: units.name })
    .from(extensionRequests).innerJoin(tasks, eq(tasks.id, extensionRequests.taskId)).innerJoin(units, eq(units.id, extensionRequests.unitId))
    .where(and(eq(extensionRequests.state, 'pending_office'), inArray(tasks.planId, planIds))).orderBy(asc(extensionRequests.createdAt));
  return rows.map((r) => item({ key: `ext-${r.id}`, title: `第 ${r.seq} 项 · ${r.unitName} 申请延期至 ${r.proposedDueOn}`, link: `/tasks/${r.taskId}`, planId: r.planId, taskId: r.taskId }));
}

async function orderItems(db: Db, planIds: number[], today: string): Promise<WorkItem[]> {
  const rows = await db.select({ id: urges.id, taskId: urges.taskId, number: urges.number, replyBy: urges.replyBy, seq: tasks.seq, planId: tasks.planId, unitName: units.name })
    .from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId)).innerJoin(units, eq(units.id, urges.unitId))
    .where(and(eq(urges.kind, 'order'), isNull(urges.repliedAt), inArray(tasks.planId, planIds))).orderBy(asc(urges.replyBy), asc(urges.id));
  return rows.map((r) => item({
    key: `order-${r.id}`, title: `${r.number ?? '督办单'} · ${r.unitName}`, detail: `第 ${r.seq} 项任务`,
    link: `/tasks/${r.taskId}`, overdue: r.replyBy !== null && r.replyBy < today, dueOn: r.replyBy, planId: r.planId, taskId: r.taskId,
  }));
}

async function unreportedItems(db: Db, list: PlanRef[], today: string, calendar: WorkCalendar): Promise<WorkItem[]> {
  const out: WorkItem[] = [];
  const lists = await unreportedOfPlans(db, list.map((p) => p.id), today, calendar);
  for (const plan of list) {
    const u = lists.get(plan.id);
    if (!u) throw new Error(`plan ${plan.id} not found`);
    for (const unit of u.units) {
      out.push(item({
        key: `unreported-${plan.id}-${unit.unitId}`, title: unit.name, detail: `${plan.title} · ${u.period?.label ?? ''}未报送 ${unit.taskIds.length} 项`,
        link: `/workbench/unreported?plan=${plan.id}`, overdue: u.late, dueOn: u.dueOn, planId: plan.id,
      }));
    }
  }
  return out;
}

async function draftItems(db: Db, actor: Actor): Promise<WorkItem[]> {
  const rows = await db.select({ id: planImports.id, fileName: planImports.fileName, updatedAt: planImports.updatedAt }).from(planImports)
    .where(and(eq(planImports.status, 'draft'), anyOf(planImports.regionId, actor.regionIds))).orderBy(desc(planImports.updatedAt));
  return rows.map((r) => item({ key: `draft-${r.id}`, title: r.fileName, detail: '导入草稿待核对提交', link: `/imports/${r.id}` }));
}

async function documentItems(db: Db, list: PlanRef[], today: string): Promise<WorkItem[]> {
  const schedules = await planSchedules(db, list.map((p) => p.id));
  const dueOf = new Map(list.map((plan) => {
    const found = schedules.get(plan.id);
    if (!found) throw new Error(`plan ${plan.id} not found`);
    return [plan.id, dueDocuments(found.schedule, today)] as const;
  }));
  const wanted = [...dueOf.values()].flat();
  // Every plan's due documents in one statement; per plan, kind and period an issued one first.
  const docs = wanted.length ? await db.select({ id: documents.id, status: documents.status, planId: documents.planId, kind: documents.kind, period: documents.period }).from(documents)
    .where(and(inArray(documents.planId, list.map((p) => p.id)), inArray(documents.kind, [...new Set(wanted.map((d) => d.kind))]), inArray(documents.period, [...new Set(wanted.map((d) => d.period.key))])))
    .orderBy(desc(documents.status)) : [];
  const docOf = new Map<string, (typeof docs)[number]>();
  for (const d of docs) if (!docOf.has(`${d.planId}|${d.kind}|${d.period}`)) docOf.set(`${d.planId}|${d.kind}|${d.period}`, d);
  const out: WorkItem[] = [];
  for (const plan of list) {
    for (const due of dueOf.get(plan.id) ?? []) {
      const doc = docOf.get(`${plan.id}|${due.kind}|${due.period.key}`);
      const done = doc?.status === 'issued';
      out.push(item({
        key: `doc-${plan.id}-${due.kind}-${due.period.key}`, title: `${due.period.label}${KIND_LABELS[due.kind]}`,
        detail: `${plan.title} · ${done ? '已印发' : doc ? '草稿待印发' : '尚未起草'}`, link: doc ? `/documents/${doc.id}` : `/documents?plan=${plan.id}`, done, planId: plan.id,
      }));
    }
  }
  return out;
}

/** The office's or leader's workbench on `today`. */
export async function officeWorkbench(db: Db, actor: Actor, today: string, calendar: WorkCalendar): Promise<WorkSection[]> {
  const list = await db.select({ id: plans.id, title: plans.title, year: plans.year }).from(plans).where(visiblePlans(actor)).orderBy(desc(plans.year), asc(plans.id));
  const ids = list.map((p) => p.id);
  const sections = [
    await reviewSection(db, actor),
    section('extensions', '待审批延期申请', await extensionItems(db, ids.length ? ids : [-1])),
    section('orders', '督办单待回复', await orderItems(db, ids.length ? ids : [-1], today)),
    section('unreported', '本期未报送单位', await unreportedItems(db, list, today, calendar), '/workbench/unreported'),
    section('receipts', '单位未签收', await receiptItems(db, { plans: plansAmong(ids) }, today, calendar)),
    ...(actor.role === 'office' ? [section('drafts', '待完成的导入草稿', await draftItems(db, actor), '/imports')] : []),
    section('documents', '本期应发公文', await documentItems(db, list, today), '/documents'),
  ];
  return sections;
}
