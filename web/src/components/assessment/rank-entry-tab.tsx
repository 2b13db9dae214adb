import { Alert, App, Button, Card, InputNumber, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { IndicatorResult, PlaceGroup, PlaceResult, Results } from '../../api/assessment.ts';
import { putIndicatorRanks, putPlaceRanks } from '../../api/assessment.ts';
import { errorMessage } from '../../api/client.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { ImportPanel } from './import-panel.tsx';
import { bandColor } from './labels.ts';

type Entry = { rank: number | null; score: number | null };
type Draft = Record<number, Entry>;

const indicatorDraft = (r: Results): Draft => Object.fromEntries(r.indicators.map((i) => [i.indicatorId, { rank: i.rank, score: i.score }]));
const placeDraft = (r: Results): Draft =>
  Object.fromEntries(r.places.flatMap((g) => g.items).map((p) => [p.regionId, { rank: p.rank, score: p.score }]));
const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);
const items = (d: Draft) =>
  Object.entries(d)
    .filter(([, e]) => e.rank !== null)
    .map(([id, e]) => ({ id: Number(id), rank: e.rank ?? 0, score: e.score }));

function TargetTag({ rank, target }: { rank: number | null; target: number | null }) {
  if (rank === null) return <span className="muted">未录入</span>;
  if (target === null) return <Tag>无目标</Tag>;
  return rank <= target ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>;
}

function RankInput(props: { value: number | null; max: number; onChange: (v: number | null) => void; testId?: string }) {
  return (
    <InputNumber
      className="assess-rank-input"
      min={1}
      max={props.max}
      precision={0}
      placeholder="未录入"
      value={props.value}
      onChange={(v) => props.onChange(typeof v === 'number' ? v : null)}
      data-testid={props.testId}
    />
  );
}

function ScoreInput({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  return <InputNumber className="assess-score-input" value={value} placeholder="可选" onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
}

/** 录入: the city's provincial rank per indicator and the ranks of counties, districts and parks. */
export function RankEntryTab({ roundId, results, onResults }: { roundId: number; results: Results; onResults: (r: Results) => void }) {
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [indicators, setIndicators] = useState<Draft>(() => indicatorDraft(results));
  const [places, setPlaces] = useState<Draft>(() => placeDraft(results));
  const [saving, setSaving] = useState<'indicators' | 'places' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setIndicators(indicatorDraft(results));
    setPlaces(placeDraft(results));
  }, [results]);
  const indicatorsDirty = !same(indicators, indicatorDraft(results));
  const placesDirty = !same(places, placeDraft(results));

  const save = async (what: 'indicators' | 'places') => {
    setSaving(what);
    setError(null);
    try {
      const next =
        what === 'indicators'
          ? await putIndicatorRanks(roundId, items(indicators).map((i) => ({ indicatorId: i.id, rank: i.rank, score: i.score })))
          : await putPlaceRanks(roundId, items(places).map((i) => ({ regionId: i.id, rank: i.rank, score: i.score })));
      void message.success(what === 'indicators' ? '指标排名已保存' : '县市区、园区排名已保存');
      onResults(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };

  const setIndicator = (id: number, patch: Partial<Entry>) => setIndicators((d) => ({ ...d, [id]: { rank: null, score: null, ...d[id], ...patch } }));
  const setPlace = (id: number, patch: Partial<Entry>) => setPlaces((d) => ({ ...d, [id]: { rank: null, score: null, ...d[id], ...patch } }));

  const indicatorColumns = useMemo<TableColumnsType<IndicatorResult>>(
    () => [
      ...(mobile ? [] : [{ key: 'seq', title: '序号', dataIndex: 'seq', width: 60 }]),
      {
        key: 'name',
        title: '指标',
        render: (_, i) => (
          <span>
            {i.name}
            {mobile && <div className="muted">目标：{i.annualTarget ?? '—'}</div>}
          </span>
        ),
      },
      ...(mobile ? [] : [{ key: 'target', title: '年度目标', width: 100, render: (_: unknown, i: IndicatorResult) => i.annualTarget ?? '—' }]),
      {
        key: 'rank',
        title: `全省排名（共${results.round.fieldSizes.indicator}）`,
        width: mobile ? 96 : 170,
        render: (_, i) => (
          <RankInput value={indicators[i.indicatorId]?.rank ?? null} max={i.total} onChange={(rank) => setIndicator(i.indicatorId, { rank })} testId={`rank-${i.name}`} />
        ),
      },
      ...(mobile
        ? []
        : [
            {
              key: 'score',
              title: '得分',
              width: 120,
              render: (_: unknown, i: IndicatorResult) => <ScoreInput value={indicators[i.indicatorId]?.score ?? null} onChange={(score) => setIndicator(i.indicatorId, { score })} />,
            },
          ]),
      { key: 'met', title: '目标', width: mobile ? 70 : 90, render: (_, i) => <TargetTag rank={indicators[i.indicatorId]?.rank ?? null} target={i.targetRank} /> },
    ],
    [mobile, indicators, results],
  );

  const placeColumns = (group: PlaceGroup): TableColumnsType<PlaceResult> => [
    { key: 'name', title: group.label, dataIndex: 'name' },
    {
      key: 'rank',
      title: `全省排名（共${group.total}）`,
      width: mobile ? 96 : 170,
      render: (_, p) => <RankInput value={places[p.regionId]?.rank ?? null} max={group.total} onChange={(rank) => setPlace(p.regionId, { rank })} testId={`place-rank-${p.name}`} />,
    },
    ...(mobile
      ? []
      : [{ key: 'score', title: '得分', width: 120, render: (_: unknown, p: PlaceResult) => <ScoreInput value={places[p.regionId]?.score ?? null} onChange={(score) => setPlace(p.regionId, { score })} /> }]),
    { key: 'band', title: '等次', width: 80, render: (_, p) => (p.band ? <Tag color={bandColor(p.band)}>{p.band.label}</Tag> : <span className="muted">—</span>) },
  ];

  return (
    <div className="assess-list" data-testid="entry-tab">
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      <Card
        size="small"
        title="指标全省排名"
        extra={
          <Button type="primary" disabled={!indicatorsDirty} loading={saving === 'indicators'} onClick={() => void save('indicators')} data-testid="save-indicator-ranks">
            保存指标排名
          </Button>
        }
      >
        <Table<IndicatorResult> rowKey="indicatorId" size="small" pagination={false} columns={indicatorColumns} dataSource={results.indicators} data-testid="indicator-rank-table" />
      </Card>
      <Card
        size="small"
        title="县市区、园区全省排名"
        extra={
          <Button type="primary" disabled={!placesDirty} loading={saving === 'places'} onClick={() => void save('places')} data-testid="save-place-ranks">
            保存排名
          </Button>
        }
      >
        <Tabs
          size="small"
          items={results.places.map((g) => ({
            key: g.kind,
            label: `${g.label} ${g.items.length}`,
            children: <Table<PlaceResult> rowKey="regionId" size="small" pagination={false} columns={placeColumns(g)} dataSource={g.items} />,
          }))}
        />
      </Card>
      <ImportPanel roundId={roundId} onImported={onResults} />
    </div>
  );
}
