/**
 * 督办单: a formal supervision order about one task (or, from a batch, several of one unit's) — numbered like 邵优化督〔2023〕12号, sent to
 * the lead and responsible units, with the reply date stated once. The responsible leader is named
 * in the text; 抄送 lists organs only (GB/T 9704 7.4.2), as the data gives them.
 */
import type { Block, ReportDocument } from '../report-document.ts';
import type { SupervisionOrderData } from '../report-data.ts';
import { closingBlocks, openingBlocks } from './document-parts.ts';
import { chineseNumber, formatChineseDate, formatDeadline, joinNames, leadPara, para, sentence } from './text-helpers.ts';

/** One supervised task as the order states it: what, who, by when, and what is wrong. */
function taskParagraph(planTitle: string, t: SupervisionOrderData['task'], problem: string): Block {
  return para(`《${planTitle}》第${t.seq}项任务（${t.indicator}指标）“${t.text}”由${joinNames(t.leadUnits)}牵头${t.responsibleUnits.length ? `，${joinNames(t.responsibleUnits)}配合` : ''}${t.leader ? `，责任领导为${t.leader}同志` : ''}，完成时限为${formatDeadline(t.deadline, t.deadlineRaw)}。${sentence(problem)}`);
}

/** Builds a 督办单 document; a batch order states every task it covers, in order. */
export function buildSupervisionOrder(data: SupervisionOrderData): ReportDocument {
  const t = data.task;
  const all = [{ task: t, problem: data.problem }, ...(data.moreTasks ?? [])];
  const title = `关于督办《${data.planTitle}》第${all.map((x) => x.task.seq).join('、')}项任务的通知`;
  const addressee = data.issue.addressee ?? joinNames([...t.leadUnits, ...t.responsibleUnits]);
  const issue = { ...data.issue, addressee };
  const body: Block[] = [
    ...all.map((x) => taskParagraph(data.planTitle, x.task, x.problem)),
    para('根据工作安排，现予督办。请你们：'),
    ...data.requirements.map((r, i) => leadPara(`（${chineseNumber(i + 1)}）`, sentence(r))),
    para(`请于${formatChineseDate(data.replyBy)}前将办理情况书面报送${data.issue.issuer}（加盖单位公章）。逾期未办结的，将按规定予以通报，并纳入年度绩效考核。`),
  ];
  if (data.contact) body.push(para(`联系人：${data.contact.person}，电话：${data.contact.phone}。`));
  return {
    kind: 'supervision-order',
    title,
    blocks: [...openingBlocks(issue, title, ''), ...body, ...closingBlocks(issue)],
  };
}
