import { Button, Checkbox } from 'antd';
import { useState } from 'react';
import type { Report } from '../api/models.ts';
import type { UnitRef } from '../api/models.ts';
import { ReportStateTag, ReportStatusTag } from './report-tags.tsx';
import { ReportView } from './report-view.tsx';

/** The newest version per unit. */
export function latestPerUnit(reports: Report[]): Report[] {
  const byUnit = new Map<number, Report>();
  for (const r of reports) {
    const seen = byUnit.get(r.unit.id);
    if (!seen || seen.version < r.version) byUnit.set(r.unit.id, r);
  }
  return [...byUnit.values()].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'zh'));
}

/** Only submitted or accepted responsible reports can be consolidated. */
export function consolidatable(report: Report): boolean {
  return report.state === 'submitted' || report.state === 'accepted';
}

interface Props {
  /** Responsible units' reports of this task and period (any version). */
  reports: Report[];
  /** The task's responsible units, to show who has not reported yet. */
  units: UnitRef[];
  value?: number[];
  onChange?: (ids: number[]) => void;
  disabled?: boolean;
  onReturn?: (report: Report) => void;
  onAccept?: (report: Report) => void;
}

/** 责任单位报告: tick the ones the lead unit's report consolidates; 通过 one, or 退回 it with a comment. */
export function ConsolidateList({ reports, units, value = [], onChange, disabled, onReturn, onAccept }: Props) {
  const [openId, setOpenId] = useState<number | null>(null);
  const latest = latestPerUnit(reports);
  const reported = new Set(latest.map((r) => r.unit.id));
  const missing = units.filter((u) => !reported.has(u.id));
  const toggle = (id: number, checked: boolean) => onChange?.(checked ? [...value, id] : value.filter((v) => v !== id));
  return (
    <div className="consolidate-list" data-testid="consolidate-list">
      {latest.length === 0 && <div className="muted">本期责任单位尚未报送。</div>}
      {latest.map((r) => (
        <div key={r.id} className="consolidate-item">
          <div className="consolidate-row">
            <Checkbox
              checked={value.includes(r.id)}
              disabled={disabled || !consolidatable(r)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            >
              <span className="consolidate-unit">{r.unit.name}</span>
            </Checkbox>
            <ReportStateTag state={r.state} />
            <ReportStatusTag status={r.status} percent={r.percent} />
            <span className="consolidate-actions">
              <Button size="small" type="link" onClick={() => setOpenId(openId === r.id ? null : r.id)}>
                {openId === r.id ? '收起' : '查看'}
              </Button>
              {onAccept && r.state === 'submitted' && (
                <Button size="small" type="link" onClick={() => onAccept(r)}>
                  通过
                </Button>
              )}
              {onReturn && r.state === 'submitted' && (
                <Button size="small" type="link" danger onClick={() => onReturn(r)}>
                  退回
                </Button>
              )}
            </span>
          </div>
          {openId === r.id && <ReportView report={r} compact />}
        </div>
      ))}
      {missing.length > 0 && <div className="muted consolidate-missing">尚未报送：{missing.map((u) => u.name).join('、')}</div>}
    </div>
  );
}
