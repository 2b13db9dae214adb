import { describe, expect, it } from 'vitest';
import { bulletin003 } from './__fixtures__/bulletin-003.ts';
import { commendation004 } from './__fixtures__/commendation-004.ts';
import { shaoyangProgress } from './__fixtures__/shaoyang-progress.ts';
import { supervisionOrder } from './__fixtures__/supervision.ts';
import { documentProblems } from './document-rules.ts';
import { addAttachment, dropEmptyAttachments, insertAfter, moveBlock, relabelAttachments, removeBlock, renumber } from '../domain/documents/document-structure.ts';
import { buildReport } from './index.ts';
import type { Block, ReportDocument } from './report-document.ts';

const notice = (): ReportDocument => buildReport('monthly-notice', shaoyangProgress());
const heads = (blocks: readonly Block[]): string[] => blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []));
const at = (blocks: readonly Block[], text: string): number => blocks.findIndex((b) => b.kind === 'heading' && b.text === text);

describe('structure edits of a document', () => {
  it('leaves every built document as it is when renumbering and relabelling', () => {
    const built = [
      notice(), buildReport('annual-summary', shaoyangProgress({ kind: 'year', year: 2023 }, '2023-12-31')),
      buildReport('work-bulletin', bulletin003()), buildReport('commendation', commendation004()), buildReport('supervision-order', supervisionOrder()),
    ];
    for (const doc of built) expect(relabelAttachments(renumber(doc.blocks))).toEqual(doc.blocks);
  });

  it('moves a whole section with its content and renumbers the headings', () => {
    const doc = notice();
    const before = heads(doc.blocks).filter((h) => /^[一二三四五]、/.test(h));
    const units = at(doc.blocks, '各单位推进情况');
    const moved = moveBlock(doc.blocks, units, -1);
    expect(heads(moved).filter((h) => /^[一二三四五]、/.test(h))).toEqual(['一、总体情况', '二、各单位推进情况', '三、各指标推进情况', '四、存在的问题', '五、下步工作要求']);
    expect(moved).toHaveLength(doc.blocks.length);
    // The section's own blocks went with it: 表2 directly follows its heading's paragraphs, before 三、.
    const table2 = moved.findIndex((b) => b.kind === 'table' && b.caption?.startsWith('表2'));
    expect(table2).toBeGreaterThan(at(moved, '各单位推进情况'));
    expect(table2).toBeLessThan(at(moved, '各指标推进情况'));
    expect(moveBlock(moved, at(moved, '各单位推进情况'), 1)).toEqual(doc.blocks);
    expect(before).toHaveLength(5);
    // The first section cannot go above the title.
    expect(moveBlock(doc.blocks, at(doc.blocks, '总体情况'), -1)).toEqual(doc.blocks);
    expect(documentProblems({ ...doc, blocks: moved })).toEqual([]);
  });

  it('deletes a section, inserts a heading and paragraph, and keeps numbers in sequence', () => {
    const doc = notice();
    const without = removeBlock(doc.blocks, at(doc.blocks, '各指标推进情况'));
    expect(without.some((b) => b.kind === 'table' && b.caption?.startsWith('表1'))).toBe(false);
    expect(heads(without).filter((h) => /^[一二三四]、/.test(h))).toEqual(['一、总体情况', '二、各单位推进情况', '三、存在的问题', '四、下步工作要求']);
    const added = insertAfter(without, at(without, '存在的问题'), [
      { kind: 'heading', level: 1, number: '一、', text: '督办情况' },
      { kind: 'paragraph', runs: [{ text: '本月下发督办单2份。' }], indent: true },
    ]);
    expect(heads(added).filter((h) => /^[一二三四五]、/.test(h))).toEqual(['一、总体情况', '二、各单位推进情况', '三、存在的问题', '四、督办情况', '五、下步工作要求']);
    expect(documentProblems({ ...doc, blocks: added })).toEqual([]);
  });

  it('adds and removes attachments, relabelling them and the 附件说明', () => {
    const doc = notice();
    const count = doc.blocks.filter((b) => b.kind === 'attachment').length;
    const withNew = addAttachment<Block>(doc.blocks, [
      { kind: 'attachment', label: '' }, { kind: 'title', text: '典型经验做法' }, { kind: 'paragraph', runs: [{ text: '做法。' }], indent: true },
    ], (items) => ({ kind: 'attachmentNote', items }));
    const labels = withNew.flatMap((b) => (b.kind === 'attachment' ? [b.label] : []));
    expect(labels).toEqual(Array.from({ length: count + 1 }, (_, i) => (count + 1 > 1 ? `附件${i + 1}` : '附件')));
    const note = withNew.find((b) => b.kind === 'attachmentNote');
    expect(note?.kind === 'attachmentNote' && note.items.at(-1)).toBe('典型经验做法');
    expect(withNew.at(-1)?.kind).toBe('record');
    expect(documentProblems({ ...doc, blocks: withNew })).toEqual([]);
    const first = withNew.findIndex((b) => b.kind === 'attachment');
    const removed = removeBlock(withNew, first);
    expect(removed.filter((b) => b.kind === 'attachment')).toHaveLength(count);
    const none = Array.from({ length: count }).reduce<Block[]>((blocks) => removeBlock(blocks, blocks.findIndex((b) => b.kind === 'attachment')), removed);
    expect(none.some((b) => b.kind === 'attachmentNote' || b.kind === 'attachment')).toBe(false);
    expect(documentProblems({ ...doc, blocks: none })).toEqual([]);
  });

  it('drops an 附件 left with only its title, keeping the others and their labels', () => {
    const doc = notice();
    const count = doc.blocks.filter((b) => b.kind === 'attachment').length;
    const emptied = addAttachment<Block>(doc.blocks, [{ kind: 'attachment', label: '' }, { kind: 'title', text: '典型经验做法' }], (items) => ({ kind: 'attachmentNote', items }));
    expect(emptied.filter((b) => b.kind === 'attachment')).toHaveLength(count + 1);
    const dropped = dropEmptyAttachments(emptied);
    expect(dropped.filter((b) => b.kind === 'attachment')).toHaveLength(count);
    expect(dropped.some((b) => b.kind === 'title' && b.text === '典型经验做法')).toBe(false);
    expect(documentProblems({ ...doc, blocks: dropped })).toEqual([]);
    expect(dropEmptyAttachments(doc.blocks)).toEqual(doc.blocks);
  });
});
