import { DatePicker, Form, Input, Modal, Select, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createCase, type CaseCreate } from '../../api/cases-api.ts';
import { errorMessage } from '../../api/client.ts';
import { useUnits } from '../../hooks/use-units.ts';
import { serverNow } from '../../lib/server-clock.ts';
import { CASE_KINDS, CASE_SOURCES, KIND_LABELS, SEVERITY_LABELS, SOURCE_LABELS } from './case-labels.ts';

interface Values extends Omit<CaseCreate, 'foundOn'> { foundOn: Dayjs }

/** 登记问题: the office registers a problem (and 交办 at once when a 主办 unit is chosen). */
export function CaseCreateModal(props: { open: boolean; planId: number | undefined; onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const units = useUnits();
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const created = await createCase({ ...v, foundOn: v.foundOn.format('YYYY-MM-DD'), planId: props.planId ?? null });
      form.resetFields();
      props.onCreated(created.case.id);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={props.open} title="登记问题" okText="登记" cancelText="取消" onOk={() => void submit()} confirmLoading={saving} onCancel={props.onClose} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ source: 'inspection', kind: 'rectify', severity: 'general', foundOn: serverNow() }} data-testid="case-create-form">
        <Form.Item name="source" label="来源" rules={[{ required: true }]}>
          <Select options={CASE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="refNo" label="来源编号（工单号、督查编号）"><Input maxLength={100} /></Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={CASE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={200} data-testid="case-title" /></Form.Item>
        <Form.Item name="finding" label="发现的问题" rules={[{ required: true, message: '请填写发现的问题' }]}><Input.TextArea rows={3} maxLength={5000} data-testid="case-finding" /></Form.Item>
        <Form.Item name="place" label="地点"><Input maxLength={200} /></Form.Item>
        <Form.Item name="foundOn" label="发现日期" rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="enterpriseName" label="企业名称"><Input maxLength={200} /></Form.Item>
        <Form.Item name="creditCode" label="统一社会信用代码"><Input maxLength={18} /></Form.Item>
        <Form.Item name="contact" label="联系人及电话（仅优化办可见）"><Input maxLength={200} /></Form.Item>
        <Form.Item name="category" label="问题分类"><Input maxLength={100} /></Form.Item>
        <Form.Item name="severity" label="严重程度"><Select options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="leadUnitId" label="主办单位（选择后立即交办）">
          <Select allowClear showSearch optionFilterProp="label" options={unitOptions} data-testid="case-lead-unit" />
        </Form.Item>
        <Form.Item name="coUnitIds" label="协办单位"><Select mode="multiple" allowClear showSearch optionFilterProp="label" options={unitOptions} /></Form.Item>
      </Form>
    </Modal>
  );
}
