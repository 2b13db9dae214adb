import { Select } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchPlans } from '../../api/plans.ts';
import type { PlanSummary } from '../../api/types.ts';
import { useApi } from '../../hooks/use-api.ts';

/** The plans the user can see and the one chosen in the URL (?plan=), the first by default. */
export function usePlanParam() {
  const [params, setParams] = useSearchParams();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const items = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || items[0]?.id;
  const plan = items.find((p) => p.id === planId);
  const setPlan = (id: number, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('plan', String(id));
        return next;
      },
      { replace },
    );
  // The default plan goes into the URL too, so a shared link opens the same plan.
  const missing = !params.get('plan') && planId !== undefined;
  useEffect(() => {
    if (missing && planId !== undefined) setPlan(planId, true);
  }, [missing, planId]);
  return { plans: items, plansLoading: plans.loading, plansError: plans.error, planId, plan, setPlan };
}

export function PlanPicker({ plans, value, onChange }: { plans: PlanSummary[]; value: number | undefined; onChange: (id: number) => void }) {
  return (
    <Select
      className="assess-plan-select"
      data-testid="assess-plan"
      value={value}
      placeholder="选择方案"
      options={plans.map((p) => ({ value: p.id, label: p.title }))}
      onChange={(id: number) => onChange(id)}
      popupMatchSelectWidth={false}
    />
  );
}
