/**
 * A made-up but realistic DB2020 economy (raw values of the kind the DB2020 dataset publishes),
 * used by tests, the CLI tests and the bench. Hand-worked scores are in db2020.test.ts.
 */
import type { TopicValues } from '../topic-score.ts';

/** Raw values for all 10 DB2020 topics. */
export function sampleDb2020Topics(): Record<string, Record<string, number | string | null>> {
  return {
    starting_a_business: {
      procedures_men: 4, procedures_women: 5, time_men: 8.5, time_women: 9,
      cost_men: 1.1, cost_women: 1.1, paid_in_min_capital: 0,
    },
    dealing_with_construction_permits: { procedures: 18, time: 111, cost: 2.8, building_quality_control_index: 12 },
    getting_electricity: { procedures: 2, time: 32, cost: 0, reliability_index: 7, saidi: 0.95, saifi: 0.17 },
    registering_property: { procedures: 4, time: 9, cost: 4.6, quality_of_land_administration_index: 23.7 },
    getting_credit: { strength_of_legal_rights_index: 4, depth_of_credit_information_index: 8 },
    protecting_minority_investors: {
      extent_of_disclosure_index: 10, extent_of_director_liability_index: 1, ease_of_shareholder_suits_index: 4,
      extent_of_shareholder_rights_index: 6, extent_of_ownership_and_control_index: 7, extent_of_corporate_transparency_index: 7,
    },
    paying_taxes: {
      payments: 7, time: 138, total_tax_and_contribution_rate: 59.2,
      vat_refund_comply_hours: 3, vat_refund_obtain_weeks: 20, cit_correction_comply_hours: 1.5, cit_correction_complete_weeks: 10,
    },
    trading_across_borders: {
      time_export_documentary_hours: 8.6, time_export_border_hours: 20.7, cost_export_documentary_usd: 73.6, cost_export_border_usd: 256,
      time_import_documentary_hours: 12.8, time_import_border_hours: 35.7, cost_import_documentary_usd: 77.3, cost_import_border_usd: 241.3,
    },
    enforcing_contracts: { time: 496.3, cost: 16.2, quality_of_judicial_processes_index: 16.5 },
    resolving_insolvency: { recovery_rate: 36.9, strength_of_insolvency_framework_index: 13.5 },
  };
}

/** Hand-worked topic scores of sampleDb2020Topics() (computed from the db2020.json formulas, not by this engine). */
export const SAMPLE_TOPIC_SCORES: Readonly<Record<string, number>> = {
  starting_a_business: 92.64257685486254,
  dealing_with_construction_permits: 72.37608069164266,
  getting_electricity: 95.35326086956522,
  registering_property: 79.87639553429027,
  getting_credit: 60,
  protecting_minority_investors: 70,
  paying_taxes: 78.22621952985422,
  trading_across_borders: 86.50454664014495,
  enforcing_contracts: 80.90405605037076,
  resolving_insolvency: 62.047564585575884,
};

/** Returns topic values with one topic replaced (for focused tests). */
export function withTopic(key: string, values: TopicValues): Record<string, TopicValues> {
  return { ...sampleDb2020Topics(), [key]: values };
}
