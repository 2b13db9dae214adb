import { SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import type { SupervisionSettings, SupervisionSettingsView } from '../api/models.ts';
import { fetchSupervisionSettings, saveAnnualTarget, saveSupervisionSettings } from '../api/plans.ts';
import type { Indicator, PlanDetail } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { AssessmentRulesForm } from './plan-rules/assessment-rules-form.tsx';

const CYCLES = [
  { value: 'xun', label: '旬报' },
  { value: 'month', label: '月报' },
  { value: 'quarter', label: '季报' },
];
const CYCLE_NAME = { xun: '旬', month: '月', quarter: '季度' } as const;

/** Says from when a changed cycle applies (the change takes effect from the next reporting period). */
function cycleChangeNote(s: SupervisionSettingsView): string | null {
  if (!s.previousCycle || !s.cycleFrom) return null;
  const [y, m, d] = s.cycleFrom.split('-').map(Number);
  return `自${y}年${m}月${d}日起按${CYCLE_NAME[s.cycle]}报告，此前各期按${CYCLE_NAME[s.previousCycle]}报告（已报送的报告保留原报告期）`;
}

function SupervisionForm({ planId }: { planId: number }) {
  const { message } = App.useApp();
  const settings = useApi((signal) => fetchSupervisionSettings(planId, signal), [planId]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SupervisionSettingsView | null>(null);
  if (!settings.data) return settings.error ? <Alert type="error" showIcon title={errorMessage(settings.error)} /> : null;
  const submit = async (v: SupervisionSettings) => {
    setSaving(true);
    setError(null);
    try {
      setSaved(await saveSupervisionSettings(planId, { ...v, orderPrefix: v.orderPrefix.trim() }));
      void message.success('督办设置已保存');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const number = (name: keyof SupervisionSettings, label: string, extra: string, min: number, max: number) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
  const note = cycleChangeNote(saved ?? settings.data);
  return (
    <Form<SupervisionSettings> layout="vertical" requiredMark={false} initialValues={settings.data} onFinish={(v) => void submit(v)}>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      {note && <Alert type="info" showIcon title={note} className="form-alert" />}
      <Form.Item name="cycle" label="报送周期" extra="变更自当前报告期结束后的下一期起生效，已报送的报告保留原报告期">
        <Select options={CYCLES} style={{ width: 160 }} />
      </Form.Item>
      {number('dueWorkdays', '报送截止', '每期结束后第几个工作日截止报送', 0, 30)}
      {number('yellowWithinDays', '临期黄灯（天）', '距完成时限不足该天数且未报完成时亮黄灯', 0, 365)}
      {number('redAfterReturns', '连续退回红灯（次）', '报告连续被退回该次数时亮红灯', 1, 10)}
      {number('escalateAfterWorkdays', '逾期提醒领导（工作日）', '逾期该工作日数后提醒分管领导', 1, 60)}
      <Form.Item name="orderPrefix" label="督办单编号前缀" rules={[{ required: true, whitespace: true, message: '请填写编号前缀' }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存督办设置
      </Button>
    </Form>
  );
}

function TargetCell({ indicator, onSaved }: { indicator: Indicator; onSaved: () => void }) {
  const { message } = App.useApp();
  const [value, setValue] = useState(indicator.annualTarget ?? '');
  const changed = value.trim() !== (indicator.annualTarget ?? '');
  const save = async () => {
    try {
      await saveAnnualTarget(indicator.id, value.trim() || null);
      void message.success(`已保存“${indicator.name}”的年度目标`);
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Input
      value={value}
      placeholder="如：前5名"
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => void save()}
      suffix={changed ? <Button type="link" size="small" onClick={() => void save()}>保存</Button> : <span />}
    />
  );
}

/**
 * 方案设置 (office): the reporting cycle, due workday and light thresholds, 年度目标 per indicator and
 * the assessment rules. `?settings=rules` opens it on the rules (the results page links there).
 */
export function PlanSettingsButton({ plan, onChanged }: { plan: PlanDetail; onChanged: () => void }) {
  const [params] = useSearchParams();
  const initialTab = params.get('settings');
  const [open, setOpen] = useState(initialTab !== null);
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        方案设置
      </Button>
      <Modal title="方案设置" open={open} onCancel={() => setOpen(false)} footer={null} width={1080} destroyOnHidden>
        <Tabs
          defaultActiveKey={initialTab ?? 'supervision'}
          items={[
            { key: 'supervision', label: '督办设置', children: <SupervisionForm planId={plan.id} /> },
            {
              key: 'targets',
              label: '年度目标',
              children: (
                <Table<Indicator>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={plan.indicators.filter((i) => i.kind === 'indicator')}
                  locale={{ emptyText: '本方案没有一级指标' }}
                  columns={[
                    { key: 'seq', title: '序号', dataIndex: 'seq', width: 60 },
                    { key: 'name', title: '一级指标', dataIndex: 'name' },
                    { key: 'target', title: '年度目标', width: 260, render: (_, i) => <TargetCell indicator={i} onSaved={onChanged} /> },
                  ]}
                />
              ),
            },
            { key: 'rules', label: '考核规则', children: <AssessmentRulesForm planId={plan.id} /> },
          ]}
        />
      </Modal>
    </>
  );
}
