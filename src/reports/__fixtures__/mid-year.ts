/**
 * Fixture: one document of every kind for the middle of the 邵阳 demo year (2023-06, Q2, H1), as
 * the typesetting checks render them.
 */
import { buildReport } from '../index.ts';
import type { ReportDocument } from '../report-document.ts';
import { bulletin003 } from './bulletin-003.ts';
import { commendation004 } from './commendation-004.ts';
import { shaoyangIssue, shaoyangProgress, shaoyangTasks } from './shaoyang-progress.ts';
import { supervisionOrder } from './supervision.ts';

function dekadBrief(): ReportDocument {
  const b = bulletin003();
  return buildReport('dekad-brief', {
    masthead: { ...b.masthead, title: '邵阳市优化营商环境工作简报', issueNo: 17, date: '2023-06-21' },
    period: { year: 2023, month: 6, dekad: 2 },
    asOf: '2023-06-20',
    tasks: shaoyangTasks('2023-06-20'),
    items: b.sections.flatMap((s) => s.items).slice(0, 6),
    nextSteps: ['各牵头单位6月25日前报送红灯任务整改情况'],
    reportTo: b.reportTo,
    distributeTo: b.distributeTo,
    contact: b.contact,
  });
}

function inspectionNotice(): ReportDocument {
  return buildReport('inspection-notice', {
    issue: shaoyangIssue('2023-07-03', '邵优化办〔2023〕15号'),
    periodLabel: '2023年6月',
    regionWord: '全市',
    bySource: [{ source: '专项督查', found: 3, finished: 2, closed: 1 }, { source: '12345政企通', found: 2, finished: 1, closed: 1 }],
    rates: { onTimeRate: 66.7, satisfactionRate: 100, returnRate: null },
    exposure: {
      overdue: [{ title: '开办登记需多次跑腿', source: '12345政企通', refNo: 'GD001', leadUnit: '市市场监管局', dueOn: '2023-06-20', reason: '超期未办结5个工作日' }],
      dissatisfied: [],
      returned: [],
    },
  });
}

/** Every kind for mid-2023, keyed by a file name. */
export function midYearDocuments(): { name: string; doc: ReportDocument }[] {
  return [
    { name: 'monthly-2023-06', doc: buildReport('monthly-notice', shaoyangProgress()) },
    { name: 'quarterly-2023-q2', doc: buildReport('quarterly-summary', shaoyangProgress({ kind: 'quarter', year: 2023, quarter: 2 })) },
    { name: 'half-2023-h1', doc: buildReport('half-year-review', shaoyangProgress({ kind: 'half', year: 2023, half: 1 })) },
    { name: 'dekad-2023-06-2', doc: dekadBrief() },
    { name: 'work-bulletin', doc: buildReport('work-bulletin', bulletin003()) },
    { name: 'commendation', doc: buildReport('commendation', commendation004()) },
    { name: 'supervision-order', doc: buildReport('supervision-order', supervisionOrder()) },
    { name: 'inspection-notice', doc: inspectionNotice() },
  ];
}
