// Chinese names of the problem model's codes, from the one model (src/domain/cases/case-model.ts).
export {
  CASE_KINDS, CASE_SOURCES, CASE_STATES, KIND_LABELS, SATISFACTION_LABELS, SEVERITY_LABELS, SOURCE_LABELS, STATE_LABELS, STEP_LABELS,
} from '../../../../src/domain/cases/case-model.ts';

/** A rate in per cent, or “—” when nothing counts toward it. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${rate}%`;
}
