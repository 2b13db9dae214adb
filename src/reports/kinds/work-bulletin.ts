/**
 * 工作专报 (seed 003): 报头, 编者按, sections in 【】 (战略安排, 战斗动态 with 县市区 / 市直部门
 * groups, 战术借鉴), then the 报 / 发 lines and contact between rules.
 */
import type { Block } from '../report-document.ts';
import type { ReportDocument } from '../report-document.ts';
import type { BulletinItem, WorkBulletinData } from '../report-data.ts';
import { distributionBlock, mastheadBlock } from './document-parts.ts';
import { heading, leadPara, para } from './text-helpers.ts';

/** Items of a section: grouped items get a （一） heading per group; a unit label leads in 楷体. */
export function bulletinItems(items: readonly BulletinItem[]): Block[] {
  const blocks: Block[] = [];
  let group: string | null = null;
  let groupNo = 0;
  for (const item of items) {
    if (item.group !== null && item.group !== group) {
      groupNo += 1;
      blocks.push(heading(2, groupNo, item.group));
    }
    group = item.group;
    blocks.push(item.unit && item.group !== null ? leadPara(`${item.unit}：`, item.text, 'kai') : para(item.text));
  }
  return blocks;
}

/** Builds a 工作专报 document. */
export function buildWorkBulletin(data: WorkBulletinData): ReportDocument {
  const blocks: Block[] = [mastheadBlock(data.masthead)];
  if (data.editorNote) blocks.push(para([{ text: '编者按：', face: 'hei' }, { text: data.editorNote }]));
  for (const section of data.sections) {
    blocks.push({ kind: 'heading', level: 1, number: '', text: `【${section.heading}】` }, ...bulletinItems(section.items));
  }
  blocks.push(distributionBlock(data));
  return { kind: 'work-bulletin', title: `${data.masthead.title}（第${data.masthead.issueNo}期）`, blocks };
}
