import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import type { DraftPlan } from '../../api/imports.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';

export interface FieldError {
  field: string;
  message: string;
}

const TEXT_FIELDS: { key: keyof DraftPlan; label: string; placeholder?: string }[] = [
  { key: 'issuer', label: '发文单位' },
  { key: 'doc_number', label: '文号', placeholder: '如：永政办函〔2022〕18号' },
  { key: 'issued_on', label: '印发日期', placeholder: 'YYYY-MM-DD' },
  { key: 'region', label: '区域' },
];

/** The plan's own data (title, 文号, issuer, date, year, note, basis), editable before commit. */
export function PlanMetaForm({ plan, error, onChange }: { plan: DraftPlan; error: FieldError | null; onChange: (patch: Partial<DraftPlan>) => void }) {
  const mobile = useIsMobile();
  // On a phone the details fold away (unless one of them is wrong) so the tasks come sooner.
  const [open, setOpen] = useState(false);
  const folded = mobile && !open && (!error || error.field === 'title');
  const status = (key: string) => (error?.field === key ? { validateStatus: 'error' as const, help: error.message } : {});
  const text = (key: string) => {
    const v = plan[key];
    return typeof v === 'string' ? v : '';
  };
  return (
    <Form layout="vertical" className="plan-meta-form" data-testid="plan-meta-form" component="div">
      <Form.Item label="方案标题" required className="plan-meta-title" {...status('title')}>
        <Input value={text('title')} aria-label="方案标题" onChange={(e) => onChange({ title: e.target.value })} />
      </Form.Item>
      {folded ? (
        <Button type="link" size="small" className="plan-meta-toggle" onClick={() => setOpen(true)}>
          {[plan.doc_number, plan.year ? `${plan.year}年度` : null].filter(Boolean).join(' · ') || '方案信息'}（展开编辑文号、发文单位等）
        </Button>
      ) : (
        <>
      <div className="plan-meta-grid">
        {TEXT_FIELDS.map((f) => (
          <Form.Item key={f.key} label={f.label} {...status(f.key)}>
            <Input
              value={text(f.key)}
              aria-label={f.label}
              placeholder={f.placeholder}
              onChange={(e) => onChange({ [f.key]: e.target.value.trim() ? e.target.value : null })}
            />
          </Form.Item>
        ))}
        <Form.Item label="年度" required {...status('year')}>
          <InputNumber
            className="full-width"
            aria-label="年度"
            min={1990}
            max={2100}
            precision={0}
            value={plan.year ?? null}
            onChange={(v) => onChange({ year: typeof v === 'number' ? v : null })}
          />
        </Form.Item>
      </div>
      <Form.Item label="责任单位说明" {...status('responsible_units_note')}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          aria-label="责任单位说明"
          value={text('responsible_units_note')}
          onChange={(e) => onChange({ responsible_units_note: e.target.value.trim() ? e.target.value : null })}
        />
      </Form.Item>
      <Form.Item label="依据" {...status('basis')}>
        <Select
          mode="tags"
          aria-label="依据"
          value={plan.basis ?? []}
          open={false}
          suffixIcon={null}
          placeholder="输入后回车添加"
          onChange={(v: string[]) => onChange({ basis: v })}
        />
      </Form.Item>
        </>
      )}
    </Form>
  );
}
