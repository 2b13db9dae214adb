/**
 * Reports benchmark: a 月通报 with two charts for the 204-task 邵阳 plan (gold 000 with made-up
 * statuses) must render to DOCX in ≤ 1 s, and its responsibility-table XLSX in ≤ 500 ms.
 * Run: node --import tsx bench/reports.bench.ts. Prints the first (cold) run and the median of
 * the warm runs; exits 1 when a median is over budget.
 */
import { shaoyangPlan, shaoyangProgress } from '../src/reports/__fixtures__/shaoyang-progress.ts';
import { buildMonthlyNotice, renderDocx, renderResponsibilityXlsx } from '../src/reports/index.ts';
import { installNodeAdapters } from '../src/adapters/node-adapters.ts';

// The engines get their chart font (and LibreOffice) from the machine side, as the server does.
installNodeAdapters();

const RUNS = 7;

async function measure(label: string, budgetMs: number, run: () => Promise<unknown>): Promise<boolean> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const cold = times[0] ?? 0;
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? cold;
  const ok = median <= budgetMs;
  console.log(`${label}: median ${median.toFixed(0)} ms (cold ${cold.toFixed(0)} ms, budget ${budgetMs} ms) ${ok ? 'ok' : 'OVER BUDGET'}`);
  return ok;
}

const data = shaoyangProgress();
const plan = shaoyangPlan();
const notice = await measure('monthly notice DOCX, 204 tasks, 2 charts', 1000, async () => renderDocx(buildMonthlyNotice(data)));
const xlsx = await measure('responsibility table XLSX, 204 tasks', 500, async () => renderResponsibilityXlsx(plan));
if (!notice || !xlsx) process.exitCode = 1;
