import { describe, expect, it } from 'vitest';
import { isMemoised, memoised, memoisedMany, remember, withRequestMemo } from './request-memo.ts';

describe('request memo', () => {
  const pool = {};
  const tx = {};

  it('loads once per request on the pool, every time elsewhere', async () => {
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await withRequestMemo(pool, async () => {
      expect(isMemoised(pool)).toBe(true);
      expect(await memoised(pool, 'k', load)).toBe(1);
      expect(await memoised(pool, 'k', load)).toBe(1);
      // A transaction's reads are never memoised.
      expect(isMemoised(tx)).toBe(false);
      expect(await memoised(tx, 'k', load)).toBe(2);
    });
    await withRequestMemo(pool, async () => expect(await memoised(pool, 'k', load)).toBe(3));
    expect(await memoised(pool, 'k', load)).toBe(4);
  });

  it('forgets a failed load', async () => {
    let calls = 0;
    await withRequestMemo(pool, async () => {
      const load = () => (++calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve(calls));
      await expect(memoised(pool, 'k', load)).rejects.toThrow('down');
      expect(await memoised(pool, 'k', load)).toBe(2);
    });
  });

  it('loads only the ids not memoised yet, in one call', async () => {
    const asked: number[][] = [];
    const loadMany = (ids: number[]) => { asked.push(ids); return Promise.resolve(new Map(ids.filter((id) => id !== 9).map((id) => [id, id * 10]))); };
    await withRequestMemo(pool, async () => {
      remember(pool, 'p:3', 33);
      expect([...await memoisedMany(pool, 'p', [1, 2, 2, 3], loadMany)]).toEqual([[1, 10], [2, 20], [3, 33]]);
      expect([...await memoisedMany(pool, 'p', [2, 4, 9], loadMany)]).toEqual([[2, 20], [4, 40]]);
    });
    expect(asked).toEqual([[1, 2], [4, 9]]);
  });
});
