/**
 * Outbound copies (e-mail, group robots) of what the problem loop tells units in their inbox:
 * a new case (交办), a case returned (退回重办), a case reopened after 不满意, and the daily sweep's
 * 临期 and overdue cases. They are queued by the daily run like the report reminders — never from
 * inside a step's transaction, so a rolled-back step sends nothing — and each message carries a
 * key of its own per channel, so however often the run repeats, a channel gets it once.
 */
import { and, gte, inArray, lte } from 'drizzle-orm';
import { addDays } from '../../../domain/supervision/work-calendar.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import type { Db } from '../../../db/client.ts';
import { channelsFor, notYetDelivered, type Delivery } from '../supervision/reminders.ts';
import type { SweptCase } from './case-pressure.ts';

/** Steps of the last days are copied out (a run missed over a weekend still sends them). */
const LOOKBACK_DAYS = 7;

interface Message { key: string; caseId: number; subject: string; text: string }

type CaseRow = Pick<typeof cases.$inferSelect, 'id' | 'title' | 'regionId' | 'leadUnitId' | 'coUnitIds' | 'dueOn' | 'refNo'>;

function eventMessage(c: CaseRow, e: { id: number; step: string; text: string; details: Record<string, unknown> | null }): Message | null {
  const name = `“${c.title}”${c.refNo ? `（${c.refNo}）` : ''}`;
  const key = `case-event:${e.id}`;
  if (e.step === 'assign') return { key, caseId: c.id, subject: '新交办问题', text: `新交办问题${name}，${e.text}。请登录平台签收办理。` };
  if (e.step === 'return') return { key, caseId: c.id, subject: '问题被退回重办', text: `问题${name}的整改/答复被退回重办：${e.text}。请重新办理后答复。` };
  if (e.step === 'visit' && e.details?.reopened === true) {
    return { key, caseId: c.id, subject: '企业不满意，问题重新办理', text: `问题${name}回访企业不满意，已重新交办，请于 ${String(e.details.dueOn)} 前重新答复。` };
  }
  return null;
}

function sweptMessage(c: CaseRow, s: SweptCase): Message {
  const name = `“${c.title}”${c.refNo ? `（${c.refNo}）` : ''}`;
  return s.stage === 'near'
    ? { key: `case-near:${c.id}:${s.dueOn}`, caseId: c.id, subject: '问题临期', text: `问题${name}将于 ${s.dueOn} 到期，请抓紧办理并按时答复。` }
    : { key: `case-overdue:${c.id}:${s.dueOn}`, caseId: c.id, subject: '问题已超期', text: `问题${name}已超过办理时限（${s.dueOn}），请立即办理并说明原因。` };
}

/** The outbound copies to queue on `today`: recent steps and the sweep's 临期/overdue cases. */
export async function caseDeliveries(db: Db, today: string, swept: SweptCase[]): Promise<Delivery[]> {
  const events = await db.select({ id: caseEvents.id, caseId: caseEvents.caseId, step: caseEvents.step, text: caseEvents.text, details: caseEvents.details }).from(caseEvents)
    .where(and(inArray(caseEvents.step, ['assign', 'return', 'visit']), gte(caseEvents.day, addDays(today, -LOOKBACK_DAYS)), lte(caseEvents.day, today)));
  const ids = [...new Set([...events.map((e) => e.caseId), ...swept.map((s) => s.caseId)])];
  if (!ids.length) return [];
  const rows = new Map((await db.select({ id: cases.id, title: cases.title, regionId: cases.regionId, leadUnitId: cases.leadUnitId, coUnitIds: cases.coUnitIds, dueOn: cases.dueOn, refNo: cases.refNo })
    .from(cases).where(inArray(cases.id, ids))).map((c) => [c.id, c]));
  const messages: Message[] = [];
  for (const e of events) {
    const m = eventMessage(rows.get(e.caseId)!, e);
    if (m) messages.push(m);
  }
  for (const s of swept) messages.push(sweptMessage(rows.get(s.caseId)!, s));
  const out: Delivery[] = [];
  for (const m of messages) {
    const c = rows.get(m.caseId)!;
    for (const unitId of [c.leadUnitId, ...c.coUnitIds].filter((u): u is number => u !== null)) {
      const channels = (await channelsFor(db, c.regionId, unitId)).map((ch) => ({ ...ch, key: `${m.key}:${unitId}:${ch.id}` }));
      for (const ch of await notYetDelivered(db, channels)) out.push({ key: ch.key, channelId: ch.id, kind: ch.kind, target: ch.target, subject: m.subject, text: m.text });
    }
  }
  return out;
}
