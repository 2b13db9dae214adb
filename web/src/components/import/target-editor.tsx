import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Popover, Select, Space } from 'antd';
import { useState } from 'react';
import type { DraftTarget } from '../../api/imports.ts';
import { COMPARATOR_OPTIONS, targetBound, type Comparator } from '../../../../src/domain/labels.ts';

interface Props {
  testId: string;
  onAdd: (target: DraftTarget) => void;
}

/** 添加量化目标: metric, ≤ ≥ = or a range, value(s) and unit, in a small pop-up form. */
export function TargetAdder({ testId, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [metric, setMetric] = useState('');
  const [comparator, setComparator] = useState<Comparator>('ge');
  const [value, setValue] = useState<number | null>(null);
  const [valueMax, setValueMax] = useState<number | null>(null);
  const [unit, setUnit] = useState('');
  const ready = metric.trim() !== '' && value !== null && (comparator !== 'range' || (valueMax !== null && valueMax > value));
  const add = () => {
    if (!ready || value === null) return;
    const bound = targetBound({ comparator, value, valueMax, unit: unit.trim() });
    onAdd({ metric: metric.trim(), comparator, value, ...(comparator === 'range' && valueMax !== null ? { value_max: valueMax } : {}), unit: unit.trim(), source: `${metric.trim()}${bound}` });
    setOpen(false);
    setMetric('');
    setValue(null);
    setValueMax(null);
    setUnit('');
  };
  const form = (
    <Space direction="vertical" size={8} className="target-adder" data-testid={`${testId}-form`}>
      <Input placeholder="指标项，如：办理时间" aria-label="指标项" value={metric} onChange={(e) => setMetric(e.target.value)} data-testid={`${testId}-metric`} />
      <Space.Compact block>
        <Select<Comparator> aria-label="比较方式" value={comparator} options={COMPARATOR_OPTIONS} onChange={setComparator} popupMatchSelectWidth={false} data-testid={`${testId}-comparator`} />
        <InputNumber aria-label="目标值" placeholder="数值" value={value} onChange={(v) => setValue(v)} data-testid={`${testId}-value`} />
        {comparator === 'range' && <InputNumber aria-label="目标上限" placeholder="上限" value={valueMax} onChange={(v) => setValueMax(v)} />}
        <Input aria-label="计量单位" placeholder="单位" value={unit} onChange={(e) => setUnit(e.target.value)} style={{ width: 90 }} data-testid={`${testId}-unit`} />
      </Space.Compact>
      <Button type="primary" size="small" disabled={!ready} onClick={add} data-testid={`${testId}-ok`}>
        添加
      </Button>
    </Space>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title="添加量化目标" content={form} destroyOnHidden>
      <Button size="small" type="dashed" icon={<PlusOutlined />} aria-label="添加量化目标" data-testid={testId}>
        目标
      </Button>
    </Popover>
  );
}
