import { Card, Empty, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { fetchInstructions } from '../api/cockpit-api.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { InstructionCard } from '../components/task-instructions-tab.tsx';
import { useApi } from '../hooks/use-api.ts';

/** /instructions — 领导批示: those written (leaders, office) or addressed to the unit, newest first. */
export function InstructionsPage() {
  const list = useApi((signal) => fetchInstructions(undefined, signal), []);
  if (list.error) return <ErrorResult error={list.error} />;
  const items = list.data ?? [];
  return (
    <div className="page">
      <h1 className="page-title">领导批示</h1>
      <Card size="small">
        {list.loading && !list.data ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description="暂无领导批示" />
        ) : (
          <div className="instructions" data-testid="instructions-list">
            {items.map((i) => (
              <div key={i.id}>
                {i.taskId !== null && <Link to={`/tasks/${i.taskId}?tab=instructions`}>查看任务</Link>}
                <InstructionCard item={i} onSaved={list.reload} />
              </div>
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
