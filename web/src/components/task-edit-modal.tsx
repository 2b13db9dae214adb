import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { fetchPlan } from '../api/plans.ts';
import { updateTask } from '../api/tasks.ts';
import type { TaskDetail } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { useLeaveGuard } from '../hooks/use-leave-guard.ts';
import { useUnits } from '../hooks/use-units.ts';

interface Values { text: string; deadlineRaw: string; indicatorId?: number; leadUnitIds: number[]; responsibleUnitIds: number[] }

/** 编辑任务 without re-importing the plan: text, 完成时限, 指标, 牵头/责任单位. */
export function TaskEditModal({ task, open, onClose, onSaved }: { task: TaskDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  useLeaveGuard(open && edited && !saving, '任务的修改尚未保存，离开后将丢失。');
  const plan = useApi(open ? (signal) => fetchPlan(task.plan.id, signal) : null, [open, task.plan.id]).data;
  const units = useUnits().map((u) => ({ value: u.id, label: `${u.name}（${u.region.name}）` }));
  const close = () => {
    setError(null);
    setEdited(false);
    onClose();
  };
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await updateTask(task.id, { text: v.text.trim(), deadlineRaw: v.deadlineRaw.trim() || null, indicatorId: v.indicatorId ?? null, leadUnitIds: v.leadUnitIds, responsibleUnitIds: v.responsibleUnitIds });
      void message.success('任务已修改，变更已记入时间线');
      setEdited(false);
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title="编辑任务" open={open} onCancel={close} onOk={() => form.submit()} okText="保存" confirmLoading={saving} width={680} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        requiredMark={false}
        initialValues={{
          text: task.text, deadlineRaw: task.deadlineRaw ?? '', indicatorId: task.indicator?.id,
          leadUnitIds: task.leadUnits.map((u) => u.id), responsibleUnitIds: task.responsibleUnits.map((u) => u.id),
        }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setEdited(true)}
      >
        {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="task-edit-error" />}
        <Form.Item name="text" label="任务内容" rules={[{ required: true, whitespace: true, message: '请输入任务内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="deadlineRaw" label="完成时限" extra="如“2023年6月”“2023年底”“长期坚持”">
          <Input />
        </Form.Item>
        <Form.Item name="indicatorId" label="指标">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(plan?.indicators ?? []).map((i) => ({ value: i.id, label: `${i.seq}. ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="leadUnitIds" label="牵头单位">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={units} />
        </Form.Item>
        <Form.Item name="responsibleUnitIds" label="责任单位">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={units} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
