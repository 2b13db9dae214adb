import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.ts';

describe('escapeHtml', () => {
  it('turns every markup character into an entity so hostile names print as text', () => {
    expect(escapeHtml(`开办企业<img src=x onerror="alert('1')">&`)).toBe('开办企业&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });
  it('leaves ordinary Chinese text alone', () => {
    expect(escapeHtml('获得电力（前5名）')).toBe('获得电力（前5名）');
  });
});
