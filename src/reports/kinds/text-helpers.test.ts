import { describe, expect, it } from 'vitest';
import { sentence, tidyText } from './text-helpers.ts';

describe('tidyText / sentence', () => {
  it('drops a unit name printed twice and doubled stops, and ends a sentence once', () => {
    expect(tidyText('市市场监管局市市场监管局推行“一件事一次办”')).toBe('市市场监管局推行“一件事一次办”');
    expect(tidyText('已完成系统对接。；存在问题：数据未共享。')).toBe('已完成系统对接；存在问题：数据未共享。');
    expect(tidyText('全部办结。。')).toBe('全部办结。');
    expect(sentence('按期完成，')).toBe('按期完成。');
    expect(sentence('市发改委市发改委牵头推进')).toBe('市发改委牵头推进。');
    // Text that only looks alike is left alone.
    expect(tidyText('常常检查')).toBe('常常检查');
    expect(tidyText('推进推进')).toBe('推进推进');
  });
});
