import { beforeAll, describe, expect, it } from 'vitest';
import { attrOf, inspectDocx, paragraphStarting, type DocxParts } from '../__fixtures__/docx-inspect.ts';
import { lightCounts, shaoyangProgress } from '../__fixtures__/shaoyang-progress.ts';
import { buildMonthlyNotice } from '../kinds/monthly-notice.ts';
import { laggards, rankedUnits } from '../kinds/progress-stats.ts';
import { renderDocx } from './render-docx.ts';

const data = shaoyangProgress();
let parts: DocxParts;

beforeAll(async () => {
  parts = await inspectDocx(await renderDocx(buildMonthlyNotice(data)));
});

describe('GB/T 9704 page geometry', () => {
  it('is A4 with margins 37/35/28/26 mm and a 22-line grid', () => {
    const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(parts.document)?.[0] ?? '';
    expect(attrOf(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attrOf(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attrOf(sect, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attrOf(sect, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attrOf(sect, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attrOf(sect, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attrOf(sect, 'w:docGrid', 'w:linePitch')).toBe('579');
  });

  it('sets body text in 3号仿宋_GB2312 at a fixed 28.95 pt pitch, squeezed to 28 characters a line', () => {
    const body = paragraphStarting(parts, '为压实工作责任');
    expect(attrOf(body.xml, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attrOf(body.xml, 'w:rFonts', 'w:ascii')).toBe('仿宋_GB2312');
    expect(attrOf(body.xml, 'w:sz', 'w:val')).toBe('32');
    expect(attrOf(body.xml, 'w:spacing', 'w:line')).toBe('579');
    expect(attrOf(body.xml, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(body.xml).toContain('<w:spacing w:val="-5"/>');
    expect(attrOf(body.xml, 'w:ind', 'w:firstLine')).toBe('630');
    expect(parts.styles).toMatch(/<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/);
  });

  it('sets the title in 2号方正小标宋简体, centred', () => {
    const title = paragraphStarting(parts, '关于2023年6月全市优化营商环境重点任务推进情况的通报');
    expect(attrOf(title.xml, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attrOf(title.xml, 'w:sz', 'w:val')).toBe('44');
    expect(attrOf(title.xml, 'w:jc', 'w:val')).toBe('center');
  });

  it('sets level headings in 黑体 (一、) and 楷体_GB2312 (（一）)', () => {
    expect(attrOf(paragraphStarting(parts, '一、总体情况').xml, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attrOf(paragraphStarting(parts, '五、下步工作要求').xml, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attrOf(paragraphStarting(parts, '（一）各牵头单位').xml, 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
  });

  it('puts “— N —” in 4号宋体 at the outside corner: odd pages right, even pages left', () => {
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(parts.document)?.[0] ?? '';
    expect(sect).toMatch(/<w:footerReference[^>]*w:type="default"/);
    expect(sect).toMatch(/<w:footerReference[^>]*w:type="even"/);
    const footers = Object.values(parts.footers);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(f).toContain('— </w:t>');
      expect(f).toContain('> —</w:t>');
      expect(attrOf(f, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attrOf(f, 'w:sz', 'w:val')).toBe('28');
    }
    expect(footers.map((f) => attrOf(f, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
  });

  it('prints the red 版头: issuer in red 小标宋, 发文字号 centred, red rule', () => {
    const issuer = paragraphStarting(parts, '邵阳市优化营商环境工作领导小组办公室');
    expect(attrOf(issuer.xml, 'w:color', 'w:val')).toBe('FF0000');
    expect(attrOf(issuer.xml, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    const number = paragraphStarting(parts, '邵优化办〔2023〕12号');
    expect(attrOf(number.xml, 'w:jc', 'w:val')).toBe('center');
    expect(attrOf(number.xml, 'w:bottom', 'w:color')).toBe('FF0000');
  });

  it('signs right-aligned with the date written in full, and closes with 抄送 and 印发', () => {
    const date = parts.paragraphs.filter((p) => p.text === '2023年6月30日');
    expect(date.length).toBeGreaterThanOrEqual(1);
    expect(attrOf(date[0]?.xml ?? '', 'w:jc', 'w:val')).toBe('right');
    expect(parts.paragraphs.some((p) => p.text === '抄送：市委办公室，市人大常委会办公室，市政府办公室，市政协办公室。')).toBe(true);
    expect(parts.paragraphs.some((p) => p.text.endsWith('2023年6月30日印发'))).toBe(true);
  });

  it('names fallback faces in the font table and embeds the trend chart', () => {
    expect(parts.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(parts.fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    // One chart: the trend (the by-indicator bars would repeat 表1).
    expect(parts.media.filter((m) => m.endsWith('.png'))).toHaveLength(1);
  });

  it('carries the fixture numbers: totals, red tasks and the laggards by name', () => {
    const counts = lightCounts(data.tasks);
    const text = parts.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(`确定的${data.tasks.length}项任务中`);
    expect(text).toContain(`逾期未办结（红灯）${counts.red}项`);
    expect(text).toContain(`临期或进度滞后（黄灯）${counts.yellow}项`);
    const late = laggards(rankedUnits(data.tasks, data.asOf));
    expect(late.length).toBeGreaterThan(0);
    for (const u of late) expect(text).toContain(`${u.name}（逾期${u.red}项）`);
    // The task lists are attachments: named in the 附件说明, each on its own pages after the signature.
    expect(text).toContain(`共有${counts.red}项任务超过完成时限仍未办结（见附件1）`);
    const names = parts.paragraphs.map((p) => p.text);
    const signature = names.indexOf('2023年6月30日');
    expect(names.indexOf('附件：1.逾期未办结任务（红灯）清单')).toBeLessThan(signature);
    expect(names.indexOf('2.临期及进度滞后任务（黄灯）清单')).toBeLessThan(signature);
    const label1 = names.indexOf('附件1');
    expect(label1).toBeGreaterThan(signature);
    expect(names[label1 + 1]).toBe('逾期未办结任务（红灯）清单');
    expect(names.indexOf('附件2')).toBeGreaterThan(label1);
    expect(text).not.toContain('表3');
  });
});
