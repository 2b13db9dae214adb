/**
 * Results of a round on read, and what-if: the same computation with rank overrides, never
 * written. What-if also lists the consequences the overrides add or remove, which is the question
 * an office asks ("if 获得电力 reaches rank 4, who is no longer interviewed?").
 */
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { loadRound } from '../../policies/assessment.policy.ts';
import { loadAssessmentData } from './assessment-data.ts';
import { SUBJECT_LABELS } from './assessment-settings.ts';
import { computeResults, withOverrides, type AssessmentData, type AssessmentResults, type ConsequenceResult, type RankOverrides } from './results-compute.ts';
import { checkRank } from './rounds.ts';

/** The results of a round the actor may read. */
export async function roundResults(db: Db, actor: Actor, roundId: number): Promise<AssessmentResults> {
  const { round, plan } = await loadRound(db, actor, roundId);
  return computeResults(await loadAssessmentData(db, round, plan));
}

function checkOverrides(data: AssessmentData, o: RankOverrides): void {
  for (const [id, rank] of Object.entries(o.indicatorRanks ?? {})) {
    const i = data.indicators.find((x) => String(x.id) === id);
    if (!i) throw appError('ASSESSMENT_SUBJECT_UNKNOWN', `指标 ${id} 不是本方案的评价指标（indicatorRanks.${id}）`);
    checkRank(rank, data.round.fieldSizes.indicator, `指标“${i.name}”`, `indicatorRanks.${id}`);
  }
  for (const [id, rank] of Object.entries(o.placeRanks ?? {})) {
    const p = data.places.find((x) => String(x.regionId) === id);
    if (!p) throw appError('ASSESSMENT_SUBJECT_UNKNOWN', `地区 ${id} 不是本方案所辖的县市区或园区（placeRanks.${id}）`);
    checkRank(rank, data.round.fieldSizes[p.kind], `${SUBJECT_LABELS[p.kind]}“${p.name}”`, `placeRanks.${id}`);
  }
}

const key = (c: ConsequenceResult): string => `${c.ruleId}|${c.subjectKind}|${c.subjectId}`;

/** Results with the overrides applied, and the consequences they add and remove; nothing is written. */
export async function whatIf(db: Db, actor: Actor, roundId: number, overrides: RankOverrides): Promise<AssessmentResults & { changes: { added: ConsequenceResult[]; removed: ConsequenceResult[] } }> {
  const { round, plan } = await loadRound(db, actor, roundId);
  const data = await loadAssessmentData(db, round, plan);
  checkOverrides(data, overrides);
  const before = computeResults(data);
  const after = computeResults(withOverrides(data, overrides));
  const was = new Set(before.consequences.map(key));
  const now = new Set(after.consequences.map(key));
  return {
    ...after,
    changes: { added: after.consequences.filter((c) => !was.has(key(c))), removed: before.consequences.filter((c) => !now.has(key(c))) },
  };
}
