import { ExperimentOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Consequence, IndicatorResult, PlaceResult, Results, WhatIfResults } from '../../api/assessment.ts';
import { runWhatIf } from '../../api/assessment.ts';
import { errorMessage } from '../../api/client.ts';
import { ConsequenceCard } from './consequence-card.tsx';
import { MetTag } from './results-tab.tsx';

type Overrides = Record<number, number>;

function HypoInput({ value, max, onChange, testId }: { value: number | undefined; max: number; onChange: (v: number | undefined) => void; testId?: string }) {
  return (
    <InputNumber
      className="assess-rank-input"
      min={1}
      max={max}
      precision={0}
      placeholder="不变"
      value={value ?? null}
      onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      data-testid={testId}
    />
  );
}

function ChangeList({ title, items, type, testId }: { title: string; items: Consequence[]; type: 'added' | 'removed'; testId: string }) {
  return (
    <section data-testid={testId}>
      <div className="assess-section-title">
        {title} <Tag color={type === 'added' ? 'red' : 'green'}>{items.length}</Tag>
      </div>
      {items.length === 0 ? (
        <div className="muted">无</div>
      ) : (
        <div className="assess-list">
          {items.map((c) => (
            <ConsequenceCard key={`${c.ruleId}-${c.subjectKind}-${c.subjectId}`} c={c} showAction />
          ))}
        </div>
      )}
    </section>
  );
}

/** 模拟: hypothetical ranks → which consequences would be added or removed. Nothing is saved. */
export function WhatIfTab({ roundId, results }: { roundId: number; results: Results }) {
  const [indicators, setIndicators] = useState<Overrides>({});
  const [places, setPlaces] = useState<Overrides>({});
  const [outcome, setOutcome] = useState<WhatIfResults | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = Object.keys(indicators).length + Object.keys(places).length;
  const hypo = new Map(outcome?.indicators.map((i) => [i.indicatorId, i]));

  const set = (setter: typeof setIndicators, id: number, v: number | undefined) =>
    setter((o) => {
      const next = { ...o };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    });

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await runWhatIf(roundId, { indicatorRanks: indicators, placeRanks: places }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setIndicators({});
    setPlaces({});
    setOutcome(null);
  };

  return (
    <div className="assess-list" data-testid="whatif-tab">
      <Alert type="info" showIcon title="假设某些指标或地区达到新的排名，看约谈、不得评优、追责问责会如何变化。仅模拟计算，不会保存。" />
      {error && <Alert type="error" showIcon title={error} />}
      {outcome && (
        <Card size="small" title="模拟结果" data-testid="whatif-result">
          <div className="muted" style={{ marginBottom: 8 }}>
            实际后果 {results.consequences.length} 条 → 模拟后 {outcome.consequences.length} 条（未保存）
          </div>
          <div className="assess-list">
            <ChangeList title="消除的后果" items={outcome.changes.removed} type="removed" testId="whatif-removed" />
            <ChangeList title="新增的后果" items={outcome.changes.added} type="added" testId="whatif-added" />
          </div>
        </Card>
      )}
      <Card
        size="small"
        title="假设排名"
        extra={
          <div className="assess-toolbar">
            <Button icon={<UndoOutlined />} onClick={reset} disabled={!changed && !outcome}>
              重置
            </Button>
            <Button type="primary" icon={<ExperimentOutlined />} loading={busy} disabled={!changed} onClick={() => void run()} data-testid="whatif-run">
              模拟计算
            </Button>
          </div>
        }
      >
        <Table<IndicatorResult>
          rowKey="indicatorId"
          size="small"
          pagination={false}
          dataSource={results.indicators}
          columns={[
            { key: 'name', title: '指标', render: (_, i) => <span>{i.name}<div className="muted">目标：{i.annualTarget ?? '—'}</div></span> },
            { key: 'rank', title: '实际', width: 64, render: (_, i) => (i.rank === null ? <span className="muted">—</span> : i.rank) },
            {
              key: 'hypo',
              title: '假设排名',
              width: 104,
              render: (_, i) => <HypoInput value={indicators[i.indicatorId]} max={i.total} onChange={(v) => set(setIndicators, i.indicatorId, v)} testId={`whatif-${i.name}`} />,
            },
            { key: 'met', title: '模拟达标', width: 84, render: (_, i) => (outcome ? <MetTag met={hypo.get(i.indicatorId)?.targetMet ?? null} /> : <span className="muted">—</span>) },
          ]}
        />
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'places',
              label: '县市区、园区假设排名',
              children: results.places.map((g) => (
                <Table<PlaceResult>
                  key={g.kind}
                  rowKey="regionId"
                  size="small"
                  pagination={false}
                  dataSource={g.items}
                  columns={[
                    { key: 'name', title: g.label, dataIndex: 'name' },
                    { key: 'rank', title: '实际', width: 64, render: (_, p) => (p.rank === null ? <span className="muted">—</span> : p.rank) },
                    { key: 'hypo', title: `假设（共${g.total}）`, width: 120, render: (_, p) => <HypoInput value={places[p.regionId]} max={g.total} onChange={(v) => set(setPlaces, p.regionId, v)} /> },
                  ]}
                />
              )),
            },
          ]}
        />
      </Card>
    </div>
  );
}
