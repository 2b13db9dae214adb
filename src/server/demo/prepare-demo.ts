/** The demo start: load the seed plans on an empty database, then play the demo year on them. */
import type { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import type { Db } from '../../db/client.ts';
import { loadDemo, type DemoResult } from '../../db/demo/load-demo.ts';
import { playDemoYear, type PlayResult } from './play-year.ts';

export interface PrepareOptions {
  calendar: WorkCalendar;
  hashPassword: (p: string) => Promise<string>;
  /** Play the year after loading (off: the seed plans only, as the API tests' template). */
  playYear: boolean;
  reset?: boolean;
  signal?: AbortSignal;
  log?: (m: string) => void;
}

/** Loads (and plays) the demo when the database has no plan; does nothing otherwise. */
export async function prepareDemo(db: Db, options: PrepareOptions): Promise<DemoResult & { played: PlayResult | null }> {
  const loaded = await loadDemo(db, { reset: options.reset ?? false, hashPassword: options.hashPassword });
  if (!loaded.loaded || !options.playYear) return { ...loaded, played: null };
  options.log?.('正在生成演示年度数据（按模拟时钟逐日办理填报、审核、催办、延期、办结、公文和评价）…');
  try {
    const played = await playDemoYear(db, { calendar: options.calendar, signal: options.signal, log: options.log });
    options.log?.(`演示年度数据已生成：${played.events} 步，用时 ${(played.milliseconds / 1000).toFixed(1)} 秒。`);
    return { ...loaded, played };
  } catch (e) {
    // The seed plans are in: serve them (the demo stays usable) and say what went wrong.
    if (options.signal?.aborted) throw e;
    options.log?.(`演示年度数据生成未完成：${(e as Error).message}。可用 \`npx yingshang demo --reset\` 重建。`);
    return { ...loaded, played: null };
  }
}
