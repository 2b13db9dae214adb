import { Select } from 'antd';
import type { PlanSummary } from '../api/models.ts';

/** The plan selector above a per-plan screen (预警, 公文, 评价 …). */
export function PlanPicker({ plans, value, onChange, testId, className }: {
  plans: PlanSummary[];
  value: number | undefined;
  onChange: (id: number) => void;
  testId: string;
  className?: string;
}) {
  return (
    <Select
      className={className}
      data-testid={testId}
      value={value}
      placeholder="选择方案"
      options={plans.map((p) => ({ value: p.id, label: p.title }))}
      onChange={(id: number) => onChange(id)}
      popupMatchSelectWidth={false}
    />
  );
}
