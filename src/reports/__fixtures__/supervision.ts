/** Fixture: a 督办单 about task 9 of the 邵阳 plan (red in the June fixture). */
import type { SupervisionOrderData } from '../report-data.ts';
import { shaoyangIssue, shaoyangPlan } from './shaoyang-progress.ts';

/** A supervision order for an overdue task of the 邵阳 plan. */
export function supervisionOrder(): SupervisionOrderData {
  const plan = shaoyangPlan();
  const task = plan.tasks.find((t) => t.seq === 9);
  const indicator = plan.indicators.find((i) => i.seq === task?.indicatorSeq);
  if (!task || !indicator) throw new Error('task 9 missing from gold 000');
  return {
    issue: { ...shaoyangIssue('2023-07-05', '邵优化督〔2023〕12号'), addressee: null, cc: ['邵阳市人民政府办公室'] },
    planTitle: plan.title,
    task: {
      seq: task.seq, indicator: indicator.name, text: task.text, deadlineRaw: task.deadlineRaw, deadline: task.deadline,
      leadUnits: task.units.lead, responsibleUnits: task.units.responsible, leader: task.leader,
    },
    problem: '截至2023年6月30日，该项任务已超过完成时限，仍未办结',
    requirements: ['主要负责同志亲自研究，制定整改方案，明确完成时间', '每周五向市优化办报送工作进展'],
    replyBy: '2023-07-15',
    contact: { person: '李明', phone: '0739-5360000' },
  };
}
