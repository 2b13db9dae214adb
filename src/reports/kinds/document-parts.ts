/**
 * The opening and closing blocks every kind shares: 版头, title, 主送机关, signature and 版记
 * (GB/T 9704 7.2–7.4), and the 报/发 lines of a 简报 (seed 003).
 */
import type { Block, BlockOf } from '../report-document.ts';
import type { BulletinDistribution, IssueInfo, Masthead } from '../report-data.ts';
import { formatChineseDate } from './text-helpers.ts';

/** 版头 + title + 主送机关 of a 文件格式 document. */
export function openingBlocks(issue: IssueInfo, title: string, mark = ''): Block[] {
  return [
    { kind: 'redHeader', issuer: issue.issuer, docNumber: issue.docNumber, mark },
    { kind: 'title', text: title },
    ...(issue.addressee ? [{ kind: 'addressee', text: issue.addressee } as const] : []),
  ];
}

/** Signature and date (7.3.5), then attachments' pages (8), then the 版记 (7.4) last. */
export function closingBlocks(issue: IssueInfo, attachments: Block[] = []): Block[] {
  const record = recordBlock(issue);
  return [
    { kind: 'signature', issuer: issue.issuer, date: issue.date },
    ...attachments,
    ...(record ? [record] : []),
  ];
}

/** GB/T 9704 7.4.2: 抄送 names separated by ，and closed with 。. */
function recordBlock(issue: IssueInfo): BlockOf<'record'> | null {
  if (issue.cc.length === 0 && !issue.printed) return null;
  const lines = issue.cc.length > 0 ? [{ label: '抄送', text: `${issue.cc.join('，')}。` }] : [];
  return { kind: 'record', lines, printed: issue.printed };
}

/** 报头 of a 简报 / 专报: title, 第N期, issuer and date. */
export function mastheadBlock(m: Masthead): BlockOf<'masthead'> {
  return { kind: 'masthead', title: m.title, issueLabel: `第${m.issueNo}期`, issuer: m.issuer, date: formatChineseDate(m.date) };
}

/** The 报 / 发 lines and contact of a 简报 between rules (seed 003). */
export function distributionBlock(d: BulletinDistribution): BlockOf<'record'> {
  const lines = [
    ...(d.reportTo.length ? [{ label: '报', text: d.reportTo.join('，') }] : []),
    ...(d.distributeTo.length ? [{ label: '发', text: d.distributeTo.join('、') }] : []),
    ...(d.contact?.phone ? [{ label: '联系电话', text: d.contact.phone }] : []),
    ...(d.contact?.email ? [{ label: '电子邮箱', text: d.contact.email }] : []),
  ];
  return { kind: 'record', lines, printed: null };
}
