import { describe, expect, it } from 'vitest';
import { shaoyangProgress } from '../__fixtures__/shaoyang-progress.ts';
import { buildMonthlyNotice } from '../kinds/monthly-notice.ts';
import type { ReportDocument } from '../report-document.ts';
import { renderHtml } from './render-html.ts';

describe('renderHtml', () => {
  it('previews the same blocks as the DOCX, with charts as inline SVG', () => {
    const html = renderHtml(buildMonthlyNotice(shaoyangProgress()));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1 class="gw-title">关于2023年6月全市优化营商环境重点任务推进情况的通报</h1>');
    expect(html).toContain('邵优化办〔2023〕12号');
    expect(html).toContain('<p class="gw-indent gw-h1">一、总体情况</p>');
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('line-height:28.95pt');
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
