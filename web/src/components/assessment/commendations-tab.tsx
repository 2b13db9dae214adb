import { Card, Empty, Table, Tag } from 'antd';
import type { IndicatorAward, Results } from '../../api/assessment.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { AWARD_REASONS, SUBJECT_LABELS } from './labels.ts';

/** 表彰建议: indicators that reached their target (with the units to commend) and places ranked well. */
export function CommendationsTab({ results }: { results: Results }) {
  const mobile = useIsMobile();
  const { indicatorAwards, placeAwards } = results.commendations;
  return (
    <div className="assess-list" data-testid="awards-tab">
      <Card size="small" title={`指标表彰建议（${indicatorAwards.length}）`}>
        {indicatorAwards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无达成年度目标的指标" />
        ) : (
          <Table<IndicatorAward>
            rowKey="indicator"
            size="small"
            pagination={false}
            dataSource={indicatorAwards}
            scroll={mobile ? { x: 560 } : undefined}
            columns={[
              { key: 'seq', title: '序号', dataIndex: 'seq', width: 56 },
              { key: 'indicator', title: '指标', dataIndex: 'indicator', width: 150 },
              { key: 'rank', title: '排名 / 目标', width: 120, render: (_, a) => `第${a.rank ?? '—'}名 / ${a.annualTarget ?? '—'}` },
              { key: 'reason', title: '理由', width: 110, render: (_, a) => <Tag color="green">{AWARD_REASONS[a.reason] ?? a.reason}</Tag> },
              {
                key: 'units',
                title: '建议表彰单位',
                render: (_, a) => (
                  <div>
                    <div>
                      <span className="muted">牵头：</span>
                      {a.leadUnits.join('、')}
                    </div>
                    {a.keyResponsibleUnits.length > 0 && (
                      <div>
                        <span className="muted">重点责任：</span>
                        {a.keyResponsibleUnits.join('、')}
                      </div>
                    )}
                  </div>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={`县市区、园区表彰建议（${placeAwards.length}）`}>
        {placeAwards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
        ) : (
          <div className="assess-tags">
            {placeAwards.map((p) => (
              <Tag key={`${p.kind}-${p.name}`} color="green">
                {SUBJECT_LABELS[p.kind] ?? p.kind} · {p.name} · 第{p.rank}名
              </Tag>
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
