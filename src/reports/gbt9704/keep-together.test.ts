import { describe, expect, it } from 'vitest';
import { figurePieces, titleLines } from './keep-together.ts';

const kept = (text: string): string[] => figurePieces(text).filter((p) => p.keep).map((p) => p.text);

describe('keep-together', () => {
  it('finds the numbers, percentages, dates and 文号 that must not break', () => {
    expect(kept('截至2023年6月30日，完成率31.6%，共5项；见邵优化督〔2023〕1号，6月5日前报送')).toEqual(['2023年6月30日', '31.6%', '5项', '督〔2023〕1号', '6月5日']);
    expect(kept('没有数字的句子。')).toEqual([]);
  });

  it('cuts text into kept tokens and the text between them, losing nothing', () => {
    const text = '完成率31.6%，较上月提高2.5个百分点。';
    expect(figurePieces(text)).toEqual([
      { text: '完成率', keep: false }, { text: '31.6%', keep: true }, { text: '，较上月提高', keep: false }, { text: '2.5个百分点', keep: true }, { text: '。', keep: false },
    ]);
    expect(figurePieces(text).map((p) => p.text).join('')).toBe(text);
  });

  it('splits a long title into balanced lines between words', () => {
    expect(titleLines('关于2023年6月全市优化营商环境重点任务推进情况的通报', 20)).toEqual(['关于2023年6月全市优化营商', '环境重点任务推进情况的通报']);
    expect(titleLines('关于表彰先进单位的通报', 20)).toEqual(['关于表彰先进单位的通报']);
    const long = '关于督办《邵阳市2023年营商环境创优提质行动实施方案》第12项任务的通知';
    const lines = titleLines(long, 20);
    expect(lines.join('')).toBe(long);
    expect(lines).toHaveLength(2);
    // No line passes the width (ASCII digits count half).
    for (const l of lines) expect([...l].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0)).toBeLessThanOrEqual(20);
  });
});
