import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorResult, PlaceResult, Results } from '../../api/assessment.ts';
import { resultsXlsxUrl } from '../../api/assessment.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { bandColor, rankText } from './labels.ts';
import { RankBars, RankRadar } from './rank-charts.tsx';

export function MetTag({ met }: { met: boolean | null }) {
  if (met === null) return <span className="muted">—</span>;
  return met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>;
}

function BandTag({ band }: { band: IndicatorResult['band'] }) {
  return band ? <Tag color={bandColor(band)}>{band.label}</Tag> : <span className="muted">—</span>;
}

/** 结果: indicator ranks against the 年度目标, places by level, the charts and 导出 XLSX. */
export function ResultsTab({ roundId, results }: { roundId: number; results: Results }) {
  const mobile = useIsMobile();
  const ranked = results.indicators.filter((i) => i.rank !== null);
  const met = ranked.filter((i) => i.targetMet === true).length;
  const missed = ranked.filter((i) => i.targetMet === false).length;

  const columns: TableColumnsType<IndicatorResult> = [
    ...(mobile ? [] : [{ key: 'seq', title: '序号', dataIndex: 'seq', width: 60 }]),
    {
      key: 'name',
      title: '指标',
      width: mobile ? undefined : 180,
      render: (_, i) => (
        <span>
          {i.name}
          {mobile && <div className="muted">目标：{i.annualTarget ?? '—'}</div>}
        </span>
      ),
    },
    ...(mobile ? [] : [{ key: 'target', title: '年度目标', width: 90, render: (_: unknown, i: IndicatorResult) => i.annualTarget ?? '—' }]),
    {
      key: 'rank',
      title: '全省排名',
      width: mobile ? 80 : 120,
      render: (_, i) => <span className="assess-nowrap">{mobile ? (i.rank === null ? <span className="muted">未录入</span> : `${i.rank} / ${i.total}`) : rankText(i.rank, i.total)}</span>,
    },
    { key: 'met', title: '达标', width: mobile ? 70 : 80, render: (_, i) => <MetTag met={i.targetMet} /> },
    ...(mobile
      ? []
      : [
          { key: 'band', title: '等次', width: 80, render: (_: unknown, i: IndicatorResult) => <BandTag band={i.band} /> },
          { key: 'lead', title: '牵头单位', render: (_: unknown, i: IndicatorResult) => i.leadUnits.map((u) => u.name).join('、') },
        ]),
  ];

  return (
    <div className="assess-list" data-testid="results-tab">
      <div className="assess-summary">
        <Card size="small">
          <Statistic title="已录入指标" value={ranked.length} suffix={`/ ${results.indicators.length}`} />
        </Card>
        <Card size="small">
          <Statistic title="达成年度目标" value={met} styles={{ content: { color: '#389e0d' } }} />
        </Card>
        <Card size="small">
          <Statistic title="未达成年度目标" value={missed} styles={{ content: { color: missed ? '#cf1322' : undefined } }} />
        </Card>
        <Card size="small">
          <Statistic title="后果条目" value={results.consequences.length} />
        </Card>
      </div>
      <Card
        size="small"
        title="指标全省排名"
        extra={
          <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(roundId)} download data-testid="results-export">
            导出 XLSX
          </Button>
        }
      >
        <Table<IndicatorResult>
          rowKey="indicatorId"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={results.indicators}
          data-testid="results-table"
          scroll={mobile ? undefined : { x: 800 }}
        />
      </Card>
      <div className="assess-charts">
        <Card size="small" title="指标排名雷达图（越靠外越好）">
          <RankRadar indicators={results.indicators} />
        </Card>
        <Card size="small" title="指标排名与年度目标（名次越小越好）">
          <RankBars indicators={results.indicators} />
        </Card>
      </div>
      <div className="assess-section-title">县市区、园区排名</div>
      <div className="assess-places" data-testid="results-places">
        {results.places.map((g) => (
          <Card key={g.kind} size="small" title={`${g.label}（全省共 ${g.total} 个）`}>
            <Table<PlaceResult>
              rowKey="regionId"
              size="small"
              pagination={false}
              dataSource={[...g.items].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))}
              columns={[
                { key: 'name', title: '名称', dataIndex: 'name' },
                { key: 'rank', title: '排名', width: 100, render: (_, p) => <span className="assess-nowrap">{p.rank === null ? <span className="muted">未录入</span> : `第${p.rank}名`}</span> },
                { key: 'band', title: '等次', width: 70, render: (_, p) => <BandTag band={p.band} /> },
              ]}
            />
          </Card>
        ))}
      </div>
    </div>
  );
}
