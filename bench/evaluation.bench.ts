/**
 * Evaluation bench: 134 places (全省134个省级以上工业园区) × 18 indicators × 5 components of the
 * China template — validate, score, rank overall and per indicator. Median over runs after a
 * warm-up; goal ≤ 20 ms. Run: npx tsx bench/evaluation.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { chinaTemplate } from '../src/evaluation/china-template.ts';
import { evaluate } from '../src/evaluation/evaluate.ts';
import { validateEvaluationInput } from '../src/evaluation/evaluation-input.ts';
import { scorePlace } from '../src/evaluation/place-score.ts';
import { rankByScore } from '../src/evaluation/rank.ts';

const PLACES = 134;
const WARMUP = 30;
const RUNS = 201;
const GOAL_MS = 20;

/** Deterministic data (LCG) so runs are comparable. */
function makeInput(): { methodology: string; places: { id: string; topics: Record<string, Record<string, number>> }[] } {
  let seed = 20230315;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const m = chinaTemplate();
  const places = Array.from({ length: PLACES }, (_, i) => ({
    id: `park-${String(i + 1).padStart(3, '0')}`,
    topics: Object.fromEntries(
      m.topics.map((t) => [t.key, Object.fromEntries(t.components.map((c) => [c.key, c.best + (c.worst - c.best) * (next() * 1.2 - 0.1)]))]),
    ),
  }));
  return { methodology: m.id, places };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const raw = makeInput();
const input = validateEvaluationInput(raw);
const m = input.methodology;
const topicKeys = m.topics.map((t) => t.key);

const engine = time(() => {
  const scores = input.places.map((p) => scorePlace(m, p));
  rankByScore(scores.map((s) => ({ id: s.id, score: s.overall })));
  for (const k of topicKeys) rankByScore(scores.map((s) => ({ id: s.id, score: s.topics[k]?.score ?? null })));
});
const full = time(() => evaluate(validateEvaluationInput(raw)));

const components = m.topics.reduce((n, t) => n + t.components.length, 0);
console.log(`evaluation bench: ${PLACES} places × ${m.topics.length} indicators × ${components / m.topics.length} components, median of ${RUNS} runs after ${WARMUP} warm-up`);
console.log(`  score + rank (overall and 18 indicator rankings): ${engine.toFixed(3)} ms`);
console.log(`  validate + score + rank (as the CLI does):         ${full.toFixed(3)} ms`);
console.log(`  goal ≤ ${GOAL_MS} ms: ${Math.max(engine, full) <= GOAL_MS ? 'met' : 'NOT met'}`);
