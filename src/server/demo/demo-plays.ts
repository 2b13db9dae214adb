/**
 * Which seed plans the demo year plays, up to which day, as which office, and the plan-level
 * milestones of each: documents drafted and issued, an assessment round with its ranks.
 * 邵阳 2023 is played up to the demo day (a year in motion); 永州 2022 is a finished year with
 * its year-end assessment; 湖南 2024 lies in the future of the demo day and is left untouched.
 */
import type { ReportKind } from '../../reports/index.ts';
import { DEMO_TODAY } from './demo-clock.ts';

export type Milestone =
  | { kind: 'document'; day: string; minute: number; docKind: ReportKind; period: string; issue: boolean }
  | { kind: 'round'; day: string; minute: number; title: string; period: string }
  /** The daily supervision run's lights, kept for the trend (played after each period's reports are due). */
  | { kind: 'lights'; day: string; minute: number };

export interface DemoPlay {
  seed: string; office: string; until: string; seed32: number; milestones: Milestone[];
  /** The reporting cycle the office set for the plan (default: the plan's, monthly). */
  cycle?: 'month' | 'quarter';
  /** How many problems (cases) the plan's year carries (demo-case-script.ts); none when absent. */
  cases?: number;
}

const doc = (day: string, docKind: ReportKind, period: string, issue = true): Milestone => ({ kind: 'document', day, minute: 1000, docKind, period, issue });

export const DEMO_PLAYS: DemoPlay[] = [
  {
    seed: '000_23aeba6d139cf540.txt', office: 'office-shaoyang', until: DEMO_TODAY, seed32: 2023, cases: 100,
    milestones: [
      doc('2023-04-10', 'monthly-notice', '2023-03'),
      doc('2023-05-10', 'monthly-notice', '2023-04'),
      doc('2023-06-09', 'monthly-notice', '2023-05'),
      doc('2023-06-13', 'dekad-brief', '2023-06-1'),
      doc('2023-06-26', 'dekad-brief', '2023-06-2'),
      doc('2023-06-29', 'work-bulletin', '2023-06'),
      doc('2023-07-04', 'dekad-brief', '2023-06-3'),
      { kind: 'round', day: '2023-07-04', minute: 1020, title: '2023年上半年全省营商环境评价', period: '2023-H1' },
      doc('2023-07-05', 'commendation', '2023-H1'),
      // The June notice is drafted on the demo day and waits for the office to issue it.
      doc(DEMO_TODAY, 'monthly-notice', '2023-06', false),
    ],
  },
  {
    // 永州's plan evaluates quarterly (季度评价): its office has the units report per quarter.
    seed: '001_918f3dbd45cf2deb.txt', office: 'office-yongzhou', until: '2023-01-20', seed32: 2022, cycle: 'quarter',
    milestones: [
      doc('2022-10-14', 'quarterly-summary', '2022-Q3'),
      doc('2023-01-09', 'annual-summary', '2022'),
      { kind: 'round', day: '2023-01-12', minute: 1020, title: '2022年度全省营商环境评价', period: '2022' },
      doc('2023-01-16', 'commendation', '2022'),
    ],
  },
];
