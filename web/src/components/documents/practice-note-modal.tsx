import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { NoteGroup, PracticeNote, PracticeNoteInput } from '../../api/documents.ts';
import { addPracticeNote, updatePracticeNote } from '../../api/documents.ts';
import { fetchRegions } from '../../api/units.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useUnits } from '../../hooks/use-units.ts';
import { NOTE_GROUPS } from './labels.ts';
import type { PeriodType } from './labels.ts';
import { PeriodPicker } from './period-picker.tsx';

interface Values {
  group: NoteGroup;
  unitId?: number;
  regionId?: number;
  text: string;
}

const NOTE_PERIODS: PeriodType[] = ['month', 'quarter', 'half', 'year'];

/** Adds a 典型做法 (note === null) or edits one. */
export function PracticeNoteModal({
  planId,
  open,
  note,
  period: initialPeriod,
  onClose,
  onSaved,
}: {
  planId: number;
  open: boolean;
  note: PracticeNote | null;
  period: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [period, setPeriod] = useState(initialPeriod);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const units = useUnits();
  const regions = useApi((signal) => fetchRegions(signal), []).data?.items ?? [];
  const group = Form.useWatch('group', form);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    setPeriod(note?.period ?? initialPeriod);
    form.setFieldsValue({ group: note?.group ?? 'county', unitId: note?.unit?.id, regionId: note?.region?.id, text: note?.text ?? '' });
  }, [open, note, initialPeriod, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    const body: PracticeNoteInput = { period, group: values.group, unitId: values.unitId ?? null, regionId: values.regionId ?? null, text: values.text };
    try {
      if (note) await updatePracticeNote(note.id, body);
      else await addPracticeNote(planId, body);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={note ? '修改典型做法' : '录入典型做法'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert className="form-alert" type="error" showIcon title={error} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item label="期间">
          <PeriodPicker value={period} onChange={setPeriod} typeChoices={NOTE_PERIODS} testId="note-period" />
        </Form.Item>
        <Form.Item name="group" label="分组" rules={[{ required: true }]}>
          <Select options={NOTE_GROUPS} data-testid="note-group" />
        </Form.Item>
        {group === 'county' ? (
          <Form.Item name="regionId" label="县市区（可选）">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择县市区"
              options={regions.filter((r) => r.level !== 'province' && r.level !== 'city').map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label="单位（可选）">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择单位" options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="text" label="做法" rules={[{ required: true, whitespace: true, message: '请填写做法' }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder="例如：冷水滩区推行“企业开办一件事”，开办时间压缩至1个工作日。" data-testid="note-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
