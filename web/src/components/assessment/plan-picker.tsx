import { PlanPicker } from '../plan-picker.tsx';
import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchPlans } from '../../api/plans.ts';
import type { PlanSummary } from '../../api/models.ts';
import { useApi } from '../../hooks/use-api.ts';

/** The plans the user can see and the one chosen in the URL (?plan=), the first by default. */
export function usePlanParam() {
  const [params, setParams] = useSearchParams();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const items = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || items[0]?.id;
  const plan = items.find((p) => p.id === planId);
  const setPlan = useCallback((id: number, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('plan', String(id));
        return next;
      },
      { replace },
    ), [setParams]);
  // The default plan goes into the URL too, so a shared link opens the same plan.
  const missing = !params.get('plan') && planId !== undefined;
  useEffect(() => {
    if (missing && planId !== undefined) setPlan(planId, true);
  }, [missing, planId, setPlan]);
  return { plans: items, plansLoading: plans.loading, plansError: plans.error, planId, plan, setPlan };
}

/** The plan selector of the assessment screens. */
export function AssessmentPlanPicker({ plans, value, onChange }: { plans: PlanSummary[]; value: number | undefined; onChange: (id: number) => void }) {
  return <PlanPicker className="assess-plan-select" testId="assess-plan" plans={plans} value={value} onChange={onChange} />;
}
