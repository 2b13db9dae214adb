import { Alert, Button, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import type { WorkSection } from '../api/workbench-api.ts';
import { useMe } from '../auth/auth-context.ts';
import { WorkSectionCard } from '../components/workbench/work-section-card.tsx';
import { useWorkbench } from '../components/workbench/workbench-store.ts';
import '../components/workbench/workbench.css';
import { dateLabel } from '../lib/format.ts';
import { DashboardPage } from './dashboard-page.tsx';

function Tiles({ sections }: { sections: WorkSection[] }) {
  const jump = (key: string) => document.getElementById(`wb-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <div className="wb-tiles" data-testid="wb-tiles">
      {sections.map((s) => (
        <button type="button" key={s.key} className={`wb-tile ${s.count ? '' : 'wb-tile-zero'}`} onClick={() => jump(s.key)} data-testid={`wb-count-${s.key}`}>
          <div className="wb-tile-title">{s.title}</div>
          <div className="wb-tile-count">{s.count}</div>
          <div className="wb-tile-overdue">{s.overdue ? `其中超期 ${s.overdue}` : ''}</div>
        </button>
      ))}
    </div>
  );
}

/**
 * 工作台 — the day's 待办 by role. The office: reports to review, extensions, 督办单 awaiting reply,
 * 本期未报送单位, 签收 outstanding, import drafts, documents due, then the plan overview; the leader
 * reads the same and opens the cockpit; a unit: what is due this period and what came back to it.
 */
export function WorkbenchPage() {
  const me = useMe();
  const { data, error, loading } = useWorkbench(me.id);
  const may = me.permissions;
  const unit = may.fileReports;
  return (
    <div className="page">
      <h1 className="page-title">工作台</h1>
      <div className="muted page-lead">
        {me.displayName}，您好。{me.unit ? `${me.unit.name} · ` : ''}
        {me.region.name}
        {data ? ` · ${dateLabel(data.today)}` : ''}
      </div>
      {may.readLights && !may.reviewReports && (
        <Alert
          type="info"
          className="wb-cockpit"
          title="查看全局进展、红黄绿灯、滞后单位与排名风险"
          action={<Link to="/cockpit"><Button type="primary" size="small">领导驾驶舱</Button></Link>}
        />
      )}
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!data ? (
        loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null
      ) : (
        <>
          <Tiles sections={data.sections} />
          <div className="wb-sections">
            {data.sections.map((s) => (
              <WorkSectionCard
                key={s.key}
                section={s}
                canSign={unit}
                extra={s.key === 'unreported' && may.reviewReports ? <Link to="/workbench/unreported" data-testid="wb-urge-all">一键催报</Link> : undefined}
              />
            ))}
          </div>
        </>
      )}
      {!unit && <DashboardPage embedded />}
    </div>
  );
}
