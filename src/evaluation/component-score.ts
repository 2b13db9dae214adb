/**
 * Component scores (DB17-20 "distance to frontier" scores): the raw value's position between the
 * worst and the best performance, clamped to [0, 100].
 */
import type { MethodologyComponent } from './methodology-schema.ts';

/** Clamps x to [0, 100]; values better than `best` score 100, worse than `worst` score 0 (db2020 formula.component_score). */
export function clampScore(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

/** 100 * (worst - y) / (worst - best), clamped; works for lower- and higher-is-better alike. */
export function linearScore(value: number, best: number, worst: number): number {
  // Ratio first: at y = best the ratio is exactly 1, so the frontier scores exactly 100.
  return clampScore(((worst - value) / (worst - best)) * 100);
}

/** Scores one numeric raw value with the component's frontier and transform (linear, or the TTCR power 0.8). */
export function componentScore(value: number, component: MethodologyComponent): number {
  const linear = linearScore(value, component.best, component.worst);
  if (component.transform.kind === 'power') {
    // db2020 formula.total_tax_and_contribution_rate: the clamped linear score / 100, ^0.8, * 100.
    return 100 * Math.pow(linear / 100, component.transform.exponent);
  }
  return linear;
}

/** Clamps a raw index value into its own [worst, best] range before it enters an index sum. */
export function clampToRange(value: number, component: MethodologyComponent): number {
  const lo = Math.min(component.best, component.worst);
  const hi = Math.max(component.best, component.worst);
  return value < lo ? lo : value > hi ? hi : value;
}
