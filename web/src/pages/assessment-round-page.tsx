import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Results, Round } from '../api/assessment.ts';
import { fetchResults, fetchRound } from '../api/assessment.ts';
import { CommendationsTab } from '../components/assessment/commendations-tab.tsx';
import { ConsequencesTab } from '../components/assessment/consequences-tab.tsx';
import { RankEntryTab } from '../components/assessment/rank-entry-tab.tsx';
import { ResultsTab } from '../components/assessment/results-tab.tsx';
import { RoundFormModal } from '../components/assessment/round-form-modal.tsx';
import { WhatIfTab } from '../components/assessment/what-if-tab.tsx';
import '../components/assessment/assessment.css';
import { ErrorResult } from '../components/error-result.tsx';
import { useApi } from '../hooks/use-api.ts';

const TABS = ['entry', 'results', 'consequences', 'whatif', 'awards'] as const;
type TabKey = (typeof TABS)[number];

/** /assessment/rounds/:id — one round: 录入 (office), 结果, 后果, 模拟, 表彰建议 (?tab=). */
export function AssessmentRoundPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const round = useApi((signal) => fetchRound(id, signal), [id]);
  const loaded = useApi((signal) => fetchResults(id, signal), [id]);
  // Saving or importing answers with fresh results: they replace the loaded ones.
  const [saved, setSaved] = useState<{ round: Round | null; results: Results | null }>({ round: null, results: null });
  const [editing, setEditing] = useState(false);
  const r = saved.round?.id === id ? saved.round : round.data;
  const results = saved.results?.round.id === id ? saved.results : loaded.data;
  const manage = r?.permissions.manage ?? false;
  const wanted = params.get('tab') as TabKey | null;
  const tab: TabKey = wanted && TABS.includes(wanted) && (wanted !== 'entry' || manage) ? wanted : 'results';

  if (round.error || loaded.error) return <ErrorResult error={round.error ?? loaded.error} notFoundTitle="评价轮次不存在" onRetry={() => { round.reload(); loaded.reload(); }} />;
  if (!r || !results) return <Skeleton active paragraph={{ rows: 10 }} />;

  const setResults = (next: Results) => setSaved((s) => ({ ...s, results: next }));
  const tabs = [
    ...(manage ? [{ key: 'entry', label: '录入', children: <RankEntryTab roundId={id} results={results} onResults={setResults} /> }] : []),
    { key: 'results', label: '结果', children: <ResultsTab roundId={id} results={results} /> },
    { key: 'consequences', label: `后果 ${results.consequences.length}`, children: <ConsequencesTab results={results} manage={manage} /> },
    { key: 'whatif', label: '模拟', children: <WhatIfTab key={results.round.id} roundId={id} results={results} /> },
    { key: 'awards', label: '表彰建议', children: <CommendationsTab results={results} /> },
  ];

  return (
    <div className="page">
      <div className="page-breadcrumb">
        <Link to={`/assessment?plan=${r.planId}`}>评价</Link>
        <span className="muted"> / {r.title}</span>
      </div>
      <div className="page-title-row">
        <h1 className="page-title" data-testid="round-title">
          {r.title} <Tag>{r.period}</Tag>
        </h1>
        {manage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="round-edit">
            编辑
          </Button>
        )}
      </div>
      <div className="muted page-lead">
        参评：{r.fieldSizes.indicator} 个市州 · 县市 {r.fieldSizes.county} · 市辖区 {r.fieldSizes.district} · 园区 {r.fieldSizes.park}
        {r.methodologyKey ? ` · ${r.methodologyKey}` : ''}
      </div>
      {!manage && <Alert type="info" showIcon title="您可以查看评价结果；排名由优化办录入。" />}
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('tab', key);
            return next;
          })
        }
        items={tabs}
      />
      <RoundFormModal
        open={editing}
        round={r}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          setSaved({ round: next, results: null });
          loaded.reload();
        }}
      />
    </div>
  );
}
