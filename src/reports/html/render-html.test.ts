import { describe, expect, it } from 'vitest';
import { shaoyangProgress } from '../__fixtures__/shaoyang-progress.ts';
import { buildMonthlyNotice } from '../kinds/monthly-notice.ts';
import type { ReportDocument } from '../report-document.ts';
import { inspectDocx } from '../__fixtures__/docx-inspect.ts';
import { renderDocx } from '../gbt9704/render-docx.ts';
import { renderHtml } from './render-html.ts';

describe('renderHtml', () => {
  it('previews the same blocks as the DOCX, with charts as inline SVG', () => {
    const raw = renderHtml(buildMonthlyNotice(shaoyangProgress()));
    // No-wrap spans keep figures on one line; the text is read without them.
    const html = raw.replace(/<span class="gw-nb">([^<]*)<\/span>/g, '$1');
    expect(html).toMatch(/^<!doctype html>/);
    // The title breaks between words, as in the DOCX.
    expect(html).toContain('<h1 class="gw-title">关于2023年6月全市优化营商<br>环境重点任务推进情况的通报</h1>');
    expect(raw).toContain('截至<span class="gw-nb">2023年6月30日</span>');
    expect(raw).toContain('完成率<span class="gw-nb">90.9%</span>');
    expect(html).toContain('邵优化办〔2023〕12号');
    expect(html).toContain('<p class="gw-indent gw-h1">一、总体情况</p>');
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toContain('line-height:28.95pt');
    // Each role has its own face: official first, then the open substitute LibreOffice also uses.
    expect(html).toMatch(/@font-face\{font-family:"ys-title";src:local\("方正小标宋简体"\).*local\("Noto Serif CJK SC Bold"\)/);
    expect(html).toMatch(/@font-face\{font-family:"ys-kai";src:local\("楷体_GB2312"\).*local\("LXGW WenKai"\)/);
    expect(html).toContain('.gw-h1{font-family:"ys-hei",sans-serif;}');
  });

  it('sizes table columns as the DOCX prints them, not by the builders\' weights', async () => {
    const doc = buildMonthlyNotice(shaoyangProgress());
    const html = renderHtml(doc, { fragment: true });
    const preview = [...html.matchAll(/<colgroup>(.*?)<\/colgroup>/g)].map((m) => [...(m[1] ?? '').matchAll(/width:([\d.]+)%/g)].map((w) => Number(w[1])));
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(preview).toHaveLength(tables.length);
    // The DOCX's data tables, in order: the grid of every w:tbl with as many columns, as shares of its width.
    const { document } = await inspectDocx(await renderDocx(doc));
    const grids = [...document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
    let at = 0;
    tables.forEach((t, i) => {
      while (grids[at] && grids[at]?.length !== t.columns.length) at++;
      const grid = grids[at++] ?? [];
      const sum = grid.reduce((a, b) => a + b, 0);
      expect(preview[i]).toHaveLength(grid.length);
      grid.forEach((w, k) => expect(preview[i]?.[k] ?? 0).toBeCloseTo((w / sum) * 100, 1));
      // And they are not the weights (the 附件 task lists gave 编号 less than its title).
      const weights = t.columns.reduce((a, c) => a + c.weight, 0);
      if (i === tables.length - 1) expect(preview[i]?.map((p) => Math.round(p))).not.toEqual(t.columns.map((c) => Math.round((c.weight / weights) * 100)));
    });
  });

  it('escapes edited text so it never becomes markup', () => {
    const doc: ReportDocument = { kind: 'monthly-notice', title: 't', blocks: [{ kind: 'paragraph', runs: [{ text: '<script>alert("x")</script>' }], indent: true }] };
    const html = renderHtml(doc, { fragment: true });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes hostile text inside charts (categories, series, unit and title come from edited documents)', () => {
    const bad = '<img src=x onerror=alert(1)>';
    const doc: ReportDocument = {
      kind: 'monthly-notice',
      title: bad,
      blocks: [{ kind: 'chart', caption: bad, chart: { type: 'bar', title: bad, categories: [bad, `{a|${bad}}`, '"><script>alert(2)</script>'], series: [{ name: bad, values: [1, 2, 3] }], unit: `%${bad}` } }],
    };
    const html = renderHtml(doc);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<img|<script|<\/script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
