import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { DocumentKind } from '../../api/documents.ts';
import { createDocument } from '../../api/documents.ts';
import { DOCUMENT_KINDS, KIND_DEFAULT_PERIOD, KIND_PERIOD } from './labels.ts';
import type { PeriodType } from './labels.ts';
import { PeriodPicker, convertPeriod, defaultPeriod } from './period-picker.tsx';

const ANY_PERIOD: PeriodType[] = ['month', 'quarter', 'half', 'year'];

function orderIdsOf(e: unknown): number[] {
  if (!(e instanceof ApiError) || typeof e.details !== 'object' || e.details === null) return [];
  const ids = (e.details as { orderIds?: unknown }).orderIds;
  return Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : [];
}

/** 生成公文: kind, a period that fits it (and the 督办单 when a period has several); opens the draft. */
export function GenerateForm({ planId, planYear }: { planId: number; planYear: number | null }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [kind, setKind] = useState<DocumentKind>('monthly-notice');
  const [period, setPeriod] = useState(() => defaultPeriod('month', planYear));
  const [orderIds, setOrderIds] = useState<number[]>([]);
  const [orderId, setOrderId] = useState<number>();
  // 成文日期: empty = the server's default (the period's last day once it has ended).
  const [date, setDate] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fixed = KIND_PERIOD[kind];

  const chooseKind = (next: DocumentKind) => {
    setKind(next);
    setPeriod((p) => convertPeriod(p, KIND_DEFAULT_PERIOD[next]));
    setOrderIds([]);
    setOrderId(undefined);
    setError(undefined);
  };

  const generate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const doc = await createDocument(planId, { kind, period, ...(kind === 'supervision-order' && orderId ? { orderId } : {}), ...(date ? { date: date.format('YYYY-MM-DD') } : {}) });
      void message.success(`已生成${doc.kindLabel}草稿`);
      void navigate(`/documents/${doc.id}`);
    } catch (e) {
      const ids = orderIdsOf(e);
      if (ids.length > 0) {
        setOrderIds(ids);
        setError('该期间下发了多份督办单，请选择一份后再生成');
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="生成公文" className="doc-generate" data-testid="doc-generate">
      <div className="doc-generate-row">
        <Select
          className="doc-kind-select"
          aria-label="公文类型"
          data-testid="doc-kind"
          value={kind}
          options={DOCUMENT_KINDS}
          onChange={chooseKind}
        />
        <PeriodPicker value={period} onChange={(p) => { setPeriod(p); setOrderIds([]); setOrderId(undefined); }} typeChoices={fixed ? undefined : ANY_PERIOD} testId="doc-period" />
        {kind === 'supervision-order' && orderIds.length > 0 && (
          <Select
            className="doc-order-select"
            placeholder="选择督办单"
            value={orderId}
            options={orderIds.map((id) => ({ value: id, label: `督办记录 ${id}` }))}
            onChange={(id: number) => setOrderId(id)}
          />
        )}
        <DatePicker
          className="doc-date-picker"
          aria-label="成文日期"
          placeholder="成文日期（默认期间末日）"
          value={date}
          onChange={(d) => setDate(d)}
          data-testid="doc-date"
        />
        <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={() => void generate()} data-testid="doc-generate-submit">
          生成草稿
        </Button>
      </div>
      <div className="muted doc-generate-hint">按所选期间的任务数据起草，可在草稿页修改文字后印发；成文日期不填时取期间最后一天（期间未结束时取当天），印发时保持不变。</div>
      {error && <Alert className="doc-generate-error" type="error" showIcon title={error} />}
    </Card>
  );
}
