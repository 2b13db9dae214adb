import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { FieldSizes, Round, RoundInput } from '../../api/assessment.ts';
import { createRound, updateRound } from '../../api/assessment.ts';
import { beijingYear } from '../../lib/format.ts';

const SIZE_FIELDS: { key: keyof FieldSizes; label: string }[] = [
  { key: 'indicator', label: '全省市州数' },
  { key: 'county', label: '县市数' },
  { key: 'district', label: '市辖区数' },
  { key: 'park', label: '园区数' },
];

interface Values {
  title: string;
  period: string;
  methodologyKey?: string;
  fieldSizes?: Partial<FieldSizes>;
}

/** 新建评价轮次 (planId) or 编辑 an existing round (round). Sizes left empty keep the defaults. */
export function RoundFormModal(props: { open: boolean; planId?: number; round?: Round; onClose: () => void; onSaved: (round: Round) => void }) {
  const { open, planId, round, onClose, onSaved } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const sizes = Object.fromEntries(Object.entries(values.fieldSizes ?? {}).filter(([, v]) => typeof v === 'number')) as Partial<FieldSizes>;
    const body: RoundInput = { title: values.title, period: values.period, methodologyKey: values.methodologyKey || null, fieldSizes: sizes };
    setSaving(true);
    setError(null);
    try {
      const saved = round ? await updateRound(round.id, body) : await createRound(planId ?? 0, body);
      void message.success(round ? '已保存' : '已新建评价轮次');
      form.resetFields();
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={round ? '编辑评价轮次' : '新建评价轮次'}
      okText={round ? '保存' : '新建'}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert className="form-alert" type="error" showIcon title={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={round ? { title: round.title, period: round.period, methodologyKey: round.methodologyKey ?? undefined, fieldSizes: round.fieldSizes } : { period: String(beijingYear() - 1) }}
        onFinish={(v) => void submit(v)}
        data-testid="round-form"
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input placeholder="如：2023年度省营商环境评价" maxLength={200} />
        </Form.Item>
        <Form.Item name="period" label="评价期" rules={[{ required: true, whitespace: true, message: '请填写评价期' }]} extra="如 2023、2023-H1">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="methodologyKey" label="评价方法（可选）">
          <Input placeholder="如：湖南省营商环境评价指标体系" maxLength={50} />
        </Form.Item>
        <div className="muted" style={{ marginBottom: 8 }}>
          参评总数（留空使用默认值）
        </div>
        <div className="assess-toolbar">
          {SIZE_FIELDS.map((f) => (
            <Form.Item key={f.key} name={['fieldSizes', f.key]} label={f.label} style={{ marginBottom: 8 }}>
              <InputNumber min={1} max={10000} precision={0} placeholder="默认" style={{ width: 100 }} />
            </Form.Item>
          ))}
        </div>
      </Form>
    </Modal>
  );
}
