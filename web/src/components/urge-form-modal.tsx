import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { createUrge } from '../api/supervision.ts';
import type { Urge } from '../api/models.ts';
import type { UnitRef } from '../api/models.ts';
import { serverNow } from '../lib/server-clock.ts';

interface Values {
  kind: 'reminder' | 'order';
  unitId: number;
  message: string;
  replyBy?: Dayjs;
}

interface Props {
  taskId: number;
  units: (UnitRef & { role: string })[];
  kind: 'reminder' | 'order' | null;
  onClose: () => void;
  onCreated: (urge: Urge) => void;
}

/** 催办 or 下发督办单 to one of the task's units; a 督办单 needs a reply date and gets a number. */
export function UrgeFormModal({ taskId, units, kind, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenKind = Form.useWatch('kind', form) ?? kind;
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const urge = await createUrge(taskId, { kind: v.kind, unitId: v.unitId, message: v.message.trim(), replyBy: v.replyBy ? v.replyBy.format('YYYY-MM-DD') : null });
      onCreated(urge);
      close();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={chosenKind === 'order' ? '下发督办单' : '催办'}
      open={kind !== null}
      onCancel={close}
      onOk={() => form.submit()}
      okText={chosenKind === 'order' ? '下发' : '发送'}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: kind ?? 'reminder', unitId: units[0]?.id }}
        onFinish={(v) => void submit(v)}
        preserve={false}
      >
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Form.Item name="kind" label="方式">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'reminder', label: '催办提醒' },
              { value: 'order', label: '督办单（编号）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.role}）` }))} data-testid="urge-unit" />
        </Form.Item>
        <Form.Item name="message" label={chosenKind === 'order' ? '督办要求' : '催办内容'} rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="urge-message" />
        </Form.Item>
        <Form.Item
          name="replyBy"
          label={chosenKind === 'order' ? '回复期限' : '回复期限（可选）'}
          rules={chosenKind === 'order' ? [{ required: true, message: '督办单必须写明回复期限' }] : []}
        >
          <DatePicker className="full-width" disabledDate={(d) => d.isBefore(serverNow(), 'day')} inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}
