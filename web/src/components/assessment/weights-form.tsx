import { App, Button, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import type { Weights } from '../../api/assessment.ts';
import { putUnitWeights } from '../../api/assessment.ts';
import { errorMessage } from '../../api/client.ts';

export const WEIGHT_FIELDS: { key: keyof Weights; label: string }[] = [
  { key: 'onTimeReport', label: '按时报送率' },
  { key: 'completion', label: '完成率' },
  { key: 'overdue', label: '逾期任务' },
  { key: 'returned', label: '退回报告' },
  { key: 'extensions', label: '延期申请' },
];

/** The five weights (normalised by their sum on the server); editable by the office, read-only otherwise. */
export function WeightsForm({ planId, weights, editable, onSaved }: { planId: number; weights: Weights; editable: boolean; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Weights>();
  const [saving, setSaving] = useState(false);
  useEffect(() => form.setFieldsValue(weights), [form, weights]);
  const total = WEIGHT_FIELDS.reduce((s, f) => s + weights[f.key], 0) || 1;

  const save = async (w: Weights | null) => {
    setSaving(true);
    try {
      await putUnitWeights(planId, w);
      void message.success(w ? '权重已保存' : '已恢复默认权重');
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (!editable) {
    return (
      <div className="assess-tags" data-testid="weights-view">
        {WEIGHT_FIELDS.map((f) => (
          <span key={f.key} className="assess-nowrap">
            {f.label} <b>{Math.round((weights[f.key] / total) * 100)}%</b>
          </span>
        ))}
      </div>
    );
  }
  return (
    <Form<Weights> form={form} layout="vertical" className="assess-weights" initialValues={weights} onFinish={(w) => void save(w)} data-testid="weights-form">
      {WEIGHT_FIELDS.map((f) => (
        <Form.Item key={f.key} name={f.key} label={f.label} rules={[{ required: true, message: '必填' }]}>
          <InputNumber min={0} max={1000} style={{ width: 96 }} />
        </Form.Item>
      ))}
      <Form.Item>
        <div className="assess-toolbar">
          <Button type="primary" htmlType="submit" loading={saving} data-testid="weights-save">
            保存权重
          </Button>
          <Button onClick={() => void save(null)} disabled={saving}>
            恢复默认
          </Button>
        </div>
      </Form.Item>
    </Form>
  );
}
