import { EditOutlined } from '@ant-design/icons';
import { Input, Select, Tag } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useState } from 'react';

/** A cell that shows its value and turns into an editor on click (or Enter); blur saves, Esc cancels. */
function Shell({ testId, label, children, onEdit, invalid }: { testId: string; label: string; children: ReactNode; onEdit: () => void; invalid?: boolean }) {
  return (
    <div
      className={`editable-cell${invalid ? ' editable-cell-invalid' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`编辑${label}`}
      data-testid={testId}
      onClick={onEdit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          onEdit();
        }
      }}
    >
      <div className="editable-cell-value">{children}</div>
      <EditOutlined className="editable-cell-icon" />
    </div>
  );
}

interface TextProps {
  value: string;
  label: string;
  testId: string;
  multiline?: boolean;
  invalid?: boolean;
  display?: ReactNode;
  onChange: (value: string) => void;
}

/** Free text (具体举措, 备注, 责任领导, 完成时限 as written). */
export function EditableText({ value, label, testId, multiline = false, invalid, display, onChange }: TextProps) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null) {
    return (
      <Shell testId={testId} label={label} invalid={invalid} onEdit={() => setEditing(value)}>
        {display ?? (value || <span className="muted">—</span>)}
      </Shell>
    );
  }
  const finish = () => {
    if (editing !== value) onChange(editing);
    setEditing(null);
  };
  const common = {
    autoFocus: true,
    value: editing,
    'aria-label': label,
    'data-testid': `${testId}-input`,
    onBlur: finish,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') setEditing(null);
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        finish();
      }
    },
  };
  return multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 12 }} onChange={(e) => setEditing(e.target.value)} />
  ) : (
    <Input {...common} size="small" onChange={(e) => setEditing(e.target.value)} />
  );
}

interface TagsProps {
  value: string[];
  label: string;
  testId: string;
  options: string[];
  invalid?: boolean;
  tail?: ReactNode;
  onChange: (value: string[]) => void;
}

/** A list shown as tags (牵头单位, 责任单位, 文件依据): pick known names or type new ones; leaving the field saves. */
export function EditableTags({ value, label, testId, options, invalid, tail, onChange }: TagsProps) {
  const [editing, setEditing] = useState<string[] | null>(null);
  if (editing === null) {
    return (
      <Shell testId={testId} label={label} invalid={invalid} onEdit={() => setEditing(value)}>
        {value.length ? (
          <div className="unit-tags">
            {value.map((v) => (
              <Tag key={v}>{v}</Tag>
            ))}
            {tail}
          </div>
        ) : (
          <span className="muted">—</span>
        )}
      </Shell>
    );
  }
  const finish = () => {
    const next = [...new Set(editing.map((v) => v.trim()).filter(Boolean))];
    if (next.join('\u0000') !== value.join('\u0000')) onChange(next);
    setEditing(null);
  };
  return (
    <Select
      mode="tags"
      autoFocus
      defaultOpen
      className="editable-tags"
      data-testid={`${testId}-input`}
      aria-label={label}
      value={editing}
      options={options.map((o) => ({ value: o, label: o }))}
      tokenSeparators={['、', '，', ',']}
      onChange={(v: string[]) => setEditing(v)}
      onBlur={finish}
      size="small"
    />
  );
}

interface ChoiceProps {
  value: number | null;
  label: string;
  testId: string;
  options: { value: number; label: string }[];
  /** The label of “none” (未归入指标); without it a value must be chosen. */
  noneLabel?: string;
  invalid?: boolean;
  display?: ReactNode;
  onChange: (value: number | null) => void;
}

const NONE = -1;

/** One of a list (一级指标 / 部分): a choice applies at once, leaving the list without one cancels. */
export function EditableChoice({ value, label, testId, options, noneLabel, invalid, display, onChange }: ChoiceProps) {
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <Shell testId={testId} label={label} invalid={invalid} onEdit={() => setEditing(true)}>
        {display ?? (options.find((o) => o.value === value)?.label || <span className="muted">—</span>)}
      </Shell>
    );
  }
  const all = noneLabel ? [{ value: NONE, label: noneLabel }, ...options] : options;
  return (
    <Select<number>
      autoFocus
      defaultOpen
      className="editable-choice"
      data-testid={`${testId}-input`}
      aria-label={label}
      value={value ?? (noneLabel ? NONE : undefined)}
      options={all}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      onChange={(v) => {
        const next = v === NONE ? null : v;
        if (next !== value) onChange(next);
        setEditing(false);
      }}
      onBlur={() => setEditing(false)}
      size="small"
    />
  );
}
