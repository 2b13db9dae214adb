import { Alert, DatePicker, Form, Input, List, Modal, Radio, Result } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { batchUrge, type BatchUrgeResult } from '../../api/workbench-api.ts';
import { serverNow } from '../../lib/server-clock.ts';
import { refreshWorkbench } from './workbench-store.ts';

type Kind = 'reminder' | 'order';

interface Values { kind: Kind; message: string; replyBy?: Dayjs }

/** What is being urged: tasks (to their lead units) or units (about their unreported tasks). */
export type BatchTarget = { planId: number; taskIds: number[]; unitIds?: undefined } | { planId: number; unitIds: number[]; taskIds?: undefined };

interface Props {
  target: BatchTarget | null;
  /** The way the modal opens with: 催办/催报 (reminder) or 督办单 (order). */
  kind: Kind;
  /** How many units the selection reaches, when known (units: the selection itself). */
  onClose: () => void;
  onDone?: (result: BatchUrgeResult) => void;
}

const DEFAULT_TEXT = {
  units: '贵单位本期进展报告尚未报送，请尽快登录平台填报。',
  tasks: '所列任务进展滞后，请抓紧推进并及时报送进展。',
};

/**
 * 批量催报 / 催办 / 督办单 in one action: every unit reached gets one record (a numbered 督办单 each);
 * the server does all or nothing and names what was wrong.
 */
export function BatchUrgeModal({ target, kind, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BatchUrgeResult | null>(null);
  const chosen = (Form.useWatch('kind', form) as Kind | undefined) ?? kind;
  const byUnits = target?.unitIds !== undefined;
  const reminderLabel = byUnits ? '催报' : '催办';
  const close = () => {
    setError(null);
    setResult(null);
    onClose();
  };
  const submit = async (v: Values) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const done = await batchUrge({ ...target, kind: v.kind, message: v.message.trim(), replyBy: v.replyBy ? v.replyBy.format('YYYY-MM-DD') : null });
      setResult(done);
      onDone?.(done);
      void refreshWorkbench();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const count = target ? (target.unitIds ?? target.taskIds).length : 0;
  return (
    <Modal
      title={chosen === 'order' ? '批量下发督办单' : `批量${reminderLabel}`}
      open={target !== null}
      onCancel={close}
      onOk={() => (result ? close() : form.submit())}
      okText={result ? '完成' : chosen === 'order' ? '下发' : '发送'}
      cancelButtonProps={result ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      destroyOnHidden
    >
      {result ? (
        <Result
          status="success"
          title={`已向 ${result.items.length} 个单位${chosen === 'order' ? '下发督办单' : `发出${reminderLabel}`}`}
          extra={
            <List
              size="small"
              className="batch-result"
              data-testid="batch-result"
              dataSource={result.items}
              renderItem={(i) => (
                <List.Item>
                  <span>{i.unitName}</span>
                  <span className="muted">{i.number ?? `${i.taskIds.length} 项任务`}</span>
                </List.Item>
              )}
            />
          }
        />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ kind, message: byUnits ? DEFAULT_TEXT.units : DEFAULT_TEXT.tasks }}
          onFinish={(v) => void submit(v)}
          preserve={false}
        >
          <div className="muted form-lead">{byUnits ? `已选 ${count} 个单位，各就本期未报送的任务收到一份。` : `已选 ${count} 项任务，发给各任务的牵头单位，每个单位一份。`}</div>
          {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="batch-error" />}
          <Form.Item name="kind" label="方式">
            <Radio.Group optionType="button" options={[{ value: 'reminder', label: `${reminderLabel}提醒` }, { value: 'order', label: '督办单（每个单位一个编号）' }]} />
          </Form.Item>
          <Form.Item name="message" label={chosen === 'order' ? '督办要求' : '提醒内容'} rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="batch-message" />
          </Form.Item>
          {chosen === 'order' && (
            <Form.Item name="replyBy" label="回复期限" rules={[{ required: true, message: '督办单必须写明回复期限' }]}>
              <DatePicker
                className="full-width"
                data-testid="batch-reply-by"
                defaultPickerValue={serverNow()}
                disabledDate={(d) => d.isBefore(serverNow().startOf('day'))}
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
