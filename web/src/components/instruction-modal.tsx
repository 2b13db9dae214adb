import { App, Button, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { writeInstruction, type InstructionBody } from '../api/cockpit-api.ts';
import { useUnits } from '../hooks/use-units.ts';

/** 批示 on a report or a document: the leader writes it and names the units that must answer. */
export function InstructionButton(props: { targetKind: InstructionBody['targetKind']; targetId: number; requireUnits: boolean; onSaved?: () => void; size?: 'small' | 'middle' }) {
  const { targetKind, targetId, requireUnits, onSaved, size } = props;
  const { message } = App.useApp();
  const units = useUnits();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await writeInstruction({ targetKind, targetId, text: text.trim(), unitIds: unitIds.length ? unitIds : undefined });
      void message.success('批示已发出，相关单位已收到通知');
      setOpen(false);
      setText('');
      setUnitIds([]);
      onSaved?.();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)} data-testid={`instruct-${targetKind}`}>
        批示
      </Button>
      <Modal
        open={open}
        title="领导批示"
        okText="作出批示"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !text.trim() || (requireUnits && unitIds.length === 0) }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder="批示内容" />
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={unitIds}
          onChange={setUnitIds}
          placeholder={requireUnits ? '落实单位' : '落实单位（不选则为填报单位）'}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          style={{ width: '100%', marginTop: 8 }}
        />
      </Modal>
    </>
  );
}
