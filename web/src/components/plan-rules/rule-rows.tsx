import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Table } from 'antd';
import type { ConsequenceRule, ConsequenceRuleSet, RuleCondition, RuleTarget } from '../../api/assessment-rules.ts';

/** The conditions the editor offers (others a rule set may hold pass through unchanged). */
type EditorKind = 'rank-range' | 'top' | 'outside-top' | 'bottom' | 'target-missed';

const CONDITIONS: { value: EditorKind; label: string }[] = [
  { value: 'rank-range', label: '排名区间' },
  { value: 'bottom', label: '后N名' },
  { value: 'outside-top', label: '未进入前N名' },
  { value: 'top', label: '前N名' },
  { value: 'target-missed', label: '未达成年度目标' },
];

const TARGETS: { value: RuleTarget; label: string }[] = [
  { value: 'leadUnits', label: '牵头单位' },
  { value: 'responsibleUnits', label: '责任单位' },
  { value: 'place', label: '被排名的县市区/园区' },
];

// Whom seed 000 names; the office may type others.
const PERSONS = ['主要负责人', '分管领导', '科室责任人', '相关责任人'].map((p) => ({ value: p, label: p }));

/** A condition of the new kind, keeping the numbers the row already had where they fit. */
function changeKind(w: RuleCondition, kind: EditorKind, total: number): RuleCondition {
  const n = 'n' in w ? w.n : 'from' in w ? w.from : 10;
  if (kind === 'rank-range') return { kind, from: Math.min(n, total), to: total };
  if (kind === 'target-missed') return { kind };
  return { kind, n: Math.min(n, total) };
}

function ConditionCell({ rule, total, onChange }: { rule: ConsequenceRule; total: number; onChange: (w: RuleCondition) => void }) {
  const w = rule.when;
  const num = (value: number | undefined, set: (v: number) => void, label: string) => (
    <InputNumber aria-label={label} size="small" min={1} max={total} precision={0} value={value} style={{ width: 72 }} onChange={(v) => v !== null && set(v)} />
  );
  return (
    <Space size={4} wrap>
      <Select<RuleCondition['kind']> size="small" style={{ width: 130 }} value={w.kind} options={CONDITIONS} onChange={(k) => onChange(changeKind(w, k as EditorKind, total))} />
      {w.kind === 'rank-range' && (
        <>
          第{num(w.from, (from) => onChange({ ...w, from }), '起始名次')}—{num(w.to ?? total, (to) => onChange({ ...w, to }), '截止名次')}名
        </>
      )}
      {(w.kind === 'bottom' || w.kind === 'top' || w.kind === 'outside-top') && <>N = {num(w.n, (n) => onChange({ ...w, n }), '名次数')}</>}
      <span className="muted">共{total}名</span>
    </Space>
  );
}

/** The rules of a set as editable rows: 对象, 条件, 后果, 落实到, 责任人, 依据原文. */
export function RuleRows({ set, onChange }: { set: ConsequenceRuleSet; onChange: (rules: ConsequenceRule[]) => void }) {
  const update = (i: number, patch: Partial<ConsequenceRule>) => onChange(set.rules.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const subjects = Object.entries(set.subjects).map(([value, s]) => ({ value, label: s.label }));
  const actions = Object.entries(set.actions).map(([value, label]) => ({ value, label }));
  return (
    <Table<ConsequenceRule>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={set.rules}
      data-testid="rule-rows"
      scroll={{ x: 1150 }}
      columns={[
        { key: 'subject', title: '对象', width: 150, render: (_, r, i) => <Select size="small" style={{ width: 140 }} value={r.subject} options={subjects} onChange={(subject) => update(i, { subject })} /> },
        { key: 'when', title: '条件', render: (_, r, i) => <ConditionCell rule={r} total={set.subjects[r.subject]?.total ?? 1} onChange={(when) => update(i, { when })} /> },
        { key: 'action', title: '后果', width: 170, render: (_, r, i) => <Select size="small" style={{ width: 160 }} value={r.action} options={actions} onChange={(action) => update(i, { action })} /> },
        { key: 'on', title: '落实到', width: 170, render: (_, r, i) => <Select size="small" mode="multiple" style={{ width: 160 }} value={r.on} options={TARGETS} onChange={(on) => update(i, { on })} /> },
        {
          key: 'persons', title: '责任人', width: 150,
          render: (_, r, i) => <Select size="small" mode="tags" style={{ width: 140 }} value={r.persons} placeholder="如：主要负责人" options={PERSONS} onChange={(persons) => update(i, { persons })} />,
        },
        {
          key: 'quote', title: '依据原文', width: 220,
          render: (_, r, i) => <Input.TextArea size="small" autoSize={{ minRows: 1, maxRows: 4 }} value={r.quote ?? ''} onChange={(e) => update(i, e.target.value ? { quote: e.target.value } : { quote: undefined })} />,
        },
        { key: 'del', title: '', width: 40, render: (_, _r, i) => <Button size="small" type="text" danger aria-label="删除规则" icon={<DeleteOutlined />} onClick={() => onChange(set.rules.filter((_x, n) => n !== i))} /> },
      ]}
    />
  );
}
