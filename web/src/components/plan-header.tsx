import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import type { PlanDetail } from '../api/models.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { dateLabel } from '../lib/format.ts';

/** Title, 文号, issuer, date, the plan-wide note on responsible units and the cited basis. */
export function PlanHeader({ plan }: { plan: PlanDetail }) {
  const mobile = useIsMobile();
  // On a phone the details fold away so the tasks start on the first screen.
  const [open, setOpen] = useState(false);
  const items = [
    { key: 'docNumber', label: '文号', children: plan.docNumber ?? '—' },
    { key: 'issuer', label: '发文单位', children: plan.issuer ?? '—' },
    { key: 'issuedOn', label: '印发日期', children: dateLabel(plan.issuedOn) },
    { key: 'region', label: '区域', children: `${plan.region.name}${plan.year ? ` · ${plan.year}年度` : ''}` },
    ...(plan.responsibleUnitsNote ? [{ key: 'note', label: '责任单位说明', children: plan.responsibleUnitsNote, span: 2 }] : []),
    ...(plan.basis.length
      ? [
          {
            key: 'basis',
            label: '依据',
            span: 2,
            children: (
              <div className="unit-tags">
                {plan.basis.map((b) => (
                  <Tag key={b}>{b}</Tag>
                ))}
              </div>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card className="plan-header" data-testid="plan-header" size={mobile ? 'small' : undefined}>
      <h1 className="plan-title">{plan.title}</h1>
      <div className="plan-subtitle muted">
        {mobile && plan.docNumber ? `${plan.docNumber} · ` : ''}
        {plan.indicatorCount} 个{plan.layout === 'prose' ? '部分' : '指标'} · {plan.taskCount} 项任务
        {mobile && (
          <Button type="link" size="small" className="plan-header-toggle" onClick={() => setOpen((v) => !v)}>
            {open ? '收起' : '方案信息'}
          </Button>
        )}
      </div>
      {(!mobile || open) && <Descriptions size="small" column={mobile ? 1 : 2} items={items} />}
    </Card>
  );
}
