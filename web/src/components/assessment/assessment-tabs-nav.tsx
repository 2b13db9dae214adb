import { Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';

/** Switches between 评价轮次 and 单位考核, keeping the chosen plan. */
export function AssessmentNav({ current, planId }: { current: 'rounds' | 'units'; planId: number | undefined }) {
  const navigate = useNavigate();
  const qs = planId ? `?plan=${planId}` : '';
  return (
    <Segmented
      data-testid="assess-nav"
      value={current}
      options={[
        { value: 'rounds', label: '评价轮次' },
        { value: 'units', label: '单位考核' },
      ]}
      onChange={(v) => void navigate(v === 'units' ? `/assessment/units${qs}` : `/assessment${qs}`)}
    />
  );
}
