import { Button, Card, DatePicker, Input, Radio, Select, Space, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../auth/auth-context.ts';
import { caseStep, type CaseDetail, type CaseItem } from '../../api/cases-api.ts';
import { errorMessage } from '../../api/client.ts';
import { useUnits } from '../../hooks/use-units.ts';
import { SATISFACTION_LABELS } from './case-labels.ts';

type Run = (step: string, body?: object) => Promise<void>;

function OfficeActions({ c, run }: { c: CaseItem; run: Run }) {
  const units = useUnits();
  const [lead, setLead] = useState<number | undefined>(c.leadUnitId ?? undefined);
  const [co, setCo] = useState<number[]>(c.coUnitIds);
  const [comment, setComment] = useState('');
  const [satisfaction, setSatisfaction] = useState<string>('satisfied');
  const options = units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(c.state === 'registered' || c.state === 'assigned') && (
        <Space wrap>
          <Select showSearch optionFilterProp="label" placeholder="主办单位" style={{ width: 200 }} value={lead} onChange={setLead} options={options} data-testid="assign-lead" />
          <Select mode="multiple" showSearch optionFilterProp="label" placeholder="协办单位" style={{ minWidth: 200 }} value={co} onChange={setCo} options={options} />
          <Button type="primary" disabled={!lead} onClick={() => void run('assign', { leadUnitId: lead, coUnitIds: co })} data-testid="case-assign">{c.state === 'registered' ? '交办' : '重新交办'}</Button>
        </Space>
      )}
      {(c.state === 'replied' || c.state === 'accepted' || c.state === 'assigned' || c.state === 'handling' || c.state === 'visited') && (
        <Input.TextArea rows={2} placeholder="意见（退回、回访、催办时填写）" value={comment} onChange={(e) => setComment(e.target.value)} data-testid="case-comment" />
      )}
      {c.state === 'replied' && (
        <Space>
          <Button type="primary" onClick={() => void run('review', { accept: true, comment })} data-testid="case-accept">审核通过</Button>
          <Button danger onClick={() => void run('review', { accept: false, comment })} data-testid="case-return">退回重办</Button>
        </Space>
      )}
      {c.state === 'accepted' && (
        <Space wrap>
          <Radio.Group value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as string)} options={Object.entries(SATISFACTION_LABELS).map(([value, label]) => ({ value, label }))} data-testid="case-satisfaction" />
          <Button type="primary" onClick={() => void run('visit', { satisfaction, comment })} data-testid="case-visit">记录回访</Button>
        </Space>
      )}
      {(c.state === 'visited' || (c.state === 'accepted' && !c.enterpriseName)) && <Button type="primary" onClick={() => void run('close', { comment })} data-testid="case-close">销号</Button>}
      {(c.state === 'assigned' || c.state === 'handling') && (
        <Space>
          <Button onClick={() => void run('urge', { kind: 'reminder', message: comment || '请抓紧办理' })}>催办</Button>
          <Button onClick={() => void run('urge', { kind: 'order', message: comment || '请按期办结并书面回复' })}>下发督办单</Button>
        </Space>
      )}
      {c.extensionRequest && (
        <Space wrap>
          <span>延期申请：至 {c.extensionRequest.proposedDueOn}，理由：{c.extensionRequest.reason}</span>
          <Button onClick={() => void run('extension/decision', { approve: true })}>批准延期</Button>
          <Button danger onClick={() => void run('extension/decision', { approve: false, comment })}>不批准</Button>
        </Space>
      )}
    </Space>
  );
}

function UnitActions({ c, run, lead }: { c: CaseItem; run: Run; lead: boolean }) {
  const [text, setText] = useState('');
  const [date, setDate] = useState<Dayjs | null>(null);
  if (c.state === 'assigned') return lead ? <Button type="primary" block onClick={() => void run('sign')} data-testid="case-sign">签收</Button> : <span className="muted">等待主办单位签收</span>;
  if (c.state !== 'handling') return <span className="muted">{c.state === 'replied' ? '已提交整改/答复，等待优化办审核' : '当前无需本单位办理'}</span>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea rows={4} placeholder={lead ? '办理情况或整改/答复内容' : '协办进展'} value={text} onChange={(e) => setText(e.target.value)} data-testid="case-text" />
      <Space wrap>
        <Button disabled={!text.trim()} onClick={() => void run('notes', { text }).then(() => setText(''))}>记录进展</Button>
        {lead && <Button type="primary" disabled={!text.trim()} onClick={() => void run('reply', { text })} data-testid="case-reply">提交整改/答复</Button>}
      </Space>
      {lead && !c.extensionRequest && (
        <Space wrap>
          <DatePicker placeholder="延期至" value={date} onChange={setDate} />
          <Button disabled={!date || !text.trim()} onClick={() => void run('extension', { proposedDueOn: date?.format('YYYY-MM-DD'), reason: text })}>申请延期（理由写在上方）</Button>
        </Space>
      )}
    </Space>
  );
}

/** What the signed-in user may do next with the case. */
export function CaseActions({ detail, onChanged }: { detail: CaseDetail; onChanged: (d: CaseDetail) => void }) {
  const me = useMe();
  const c = detail.case;
  const run: Run = async (step, body = {}) => {
    try {
      onChanged(await caseStep(c.id, step, body));
      void message.success('已保存');
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  if ((!me.permissions.manageCases && !me.permissions.fileReports) || c.state === 'closed') return null;
  const lead = me.permissions.fileReports && me.unit?.id === c.leadUnitId;
  return (
    <Card size="small" title="办理" style={{ marginBottom: 12 }} data-testid="case-actions">
      {me.permissions.manageCases ? <OfficeActions c={c} run={run} /> : <UnitActions c={c} run={run} lead={lead} />}
    </Card>
  );
}
