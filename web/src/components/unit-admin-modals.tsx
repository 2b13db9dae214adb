import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { Region, RegionLevel, Unit, UnitKind } from '../api/models.ts';
import { createRegion, createUnit, mergeUnits, renameRegion, updateUnit } from '../api/units.ts';
import { REGION_LEVEL_LABELS, UNIT_KIND_LABELS } from '../lib/labels.ts';

const KIND_OPTIONS = (Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((value) => ({ value, label: UNIT_KIND_LABELS[value] }));
const LEVEL_OPTIONS = (Object.keys(REGION_LEVEL_LABELS) as RegionLevel[]).map((value) => ({ value, label: REGION_LEVEL_LABELS[value] }));

/** A form in a modal that shows the server's message on failure and closes on success. */
function useSave(onDone: () => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (action: () => Promise<unknown>, done: string) => {
    setSaving(true);
    setError(null);
    try {
      await action();
      void message.success(done);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, save, reset: () => setError(null) };
}

export type RegionEdit = { mode: 'add'; parent: Region } | { mode: 'rename'; region: Region };

/** 新增下级区域 / 区域改名. */
export function RegionModal({ edit, onClose, onSaved }: { edit: RegionEdit | null; onClose: () => void; onSaved: () => void }) {
  const { error, saving, save, reset } = useSave(() => { onSaved(); onClose(); });
  const [form] = Form.useForm<{ name: string; level: RegionLevel }>();
  const close = () => { reset(); onClose(); };
  const title = edit?.mode === 'add' ? `在“${edit.parent.name}”下新增区域` : `区域改名：${edit?.region.name ?? ''}`;
  return (
    <Modal title={title} open={edit !== null} onCancel={close} onOk={() => form.submit()} okText="保存" confirmLoading={saving} destroyOnHidden>
      <Form
        // A new form per target: a reused form would keep the previous target's values.
        key={edit?.mode === 'rename' ? `rename-${edit.region.id}` : `add-${edit?.parent.id ?? ''}`}
        form={form}
        layout="vertical"
        preserve={false}
        requiredMark={false}
        initialValues={edit?.mode === 'rename' ? { name: edit.region.name } : { level: 'county' }}
        onFinish={(v) => {
          if (!edit) return;
          void (edit.mode === 'add'
            ? save(() => createRegion({ name: v.name.trim(), level: v.level, parentId: edit.parent.id }), `已新增 ${v.name}`)
            : save(() => renameRegion(edit.region.id, v.name.trim()), '已改名'));
        }}
      >
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Form.Item name="name" label="区域名称" rules={[{ required: true, whitespace: true, message: '请输入区域名称' }]}>
          <Input />
        </Form.Item>
        {edit?.mode === 'add' && (
          <Form.Item name="level" label="级别" rules={[{ required: true }]}>
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export type UnitEdit = { mode: 'add'; regionId: number } | { mode: 'edit'; unit: Unit };

interface UnitValues { name: string; kind: UnitKind; aliases: string[] }

/** The unit form, mounted afresh for each target so its initial values are always that unit's. */
function UnitForm({ edit, onDone }: { edit: UnitEdit; onDone: () => void }) {
  const { error, saving, save } = useSave(onDone);
  const initial: UnitValues = edit.mode === 'edit' ? { name: edit.unit.name, kind: edit.unit.kind, aliases: edit.unit.aliases } : { name: '', kind: 'department', aliases: [] };
  return (
    <Form<UnitValues>
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={(v) => {
        const body = { name: v.name.trim(), kind: v.kind, aliases: v.aliases.map((a) => a.trim()).filter(Boolean) };
        void (edit.mode === 'add' ? save(() => createUnit({ ...body, regionId: edit.regionId }), `已新增 ${body.name}`) : save(() => updateUnit(edit.unit.id, body), '已保存'));
      }}
    >
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]} extra={edit.mode === 'edit' ? '改名后原名称自动保留为简称，以便匹配按旧名称编写的方案。' : undefined}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label="类型">
        <Select options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="aliases" label="简称 / 别名">
        <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="输入后回车" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存
      </Button>
    </Form>
  );
}

/** 新增单位 / 编辑单位 (name — the old one is kept as an alias —, kind, aliases). */
export function UnitModal({ edit, onClose, onSaved }: { edit: UnitEdit | null; onClose: () => void; onSaved: () => void }) {
  return (
    <Modal title={edit?.mode === 'edit' ? `编辑单位：${edit.unit.name}` : '新增单位'} open={edit !== null} onCancel={onClose} footer={null} destroyOnHidden>
      {edit && <UnitForm key={edit.mode === 'edit' ? `edit-${edit.unit.id}` : `add-${edit.regionId}`} edit={edit} onDone={() => { onSaved(); onClose(); }} />}
    </Modal>
  );
}

/** 合并单位: pick the unit to merge into `into`; everything it has moves, then it is deleted. */
export function MergeModal({ into, candidates, onClose, onSaved }: { into: Unit | null; candidates: Unit[]; onClose: () => void; onSaved: () => void }) {
  const { error, saving, save, reset } = useSave(() => { onSaved(); onClose(); });
  const [merged, setMerged] = useState<number | undefined>();
  const close = () => { reset(); setMerged(undefined); onClose(); };
  const options = candidates.filter((u) => u.id !== into?.id && u.region.id === into?.region.id).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      title={`合并到“${into?.name ?? ''}”`}
      open={into !== null}
      onCancel={close}
      okText="合并"
      okButtonProps={{ danger: true, disabled: merged === undefined }}
      confirmLoading={saving}
      onOk={() => { if (into && merged !== undefined) void save(() => mergeUnits(into.id, merged), '已合并'); }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <p>被合并单位的任务分工、进展报告、催办督办、延期申请、用户和简称将全部转入本单位，被合并单位随后删除。此操作记入审计日志。</p>
      <Select style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} placeholder="选择被合并的单位" options={options} value={merged} onChange={setMerged} data-testid="merge-select" />
    </Modal>
  );
}
