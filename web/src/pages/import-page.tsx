import { Breadcrumb, Card } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { fetchPlan } from '../api/plans.ts';
import { ImportDraftsList } from '../components/import/import-drafts-list.tsx';
import { ImportUpload } from '../components/import/import-upload.tsx';
import { useApi } from '../hooks/use-api.ts';

/**
 * /imports — 导入方案: upload a plan document, then review it at /imports/:id.
 * /imports?plan=ID — 上传修订版 of an existing plan (the review then shows the differences).
 */
export function ImportPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const planParam = params.get('plan');
  const targetPlanId = planParam && /^\d+$/.test(planParam) ? Number(planParam) : undefined;
  const { data: plan } = useApi(targetPlanId === undefined ? null : (signal) => fetchPlan(targetPlanId, signal), [targetPlanId]);

  return (
    <div className="page import-page">
      {targetPlanId !== undefined ? (
        <>
          <Breadcrumb
            className="page-breadcrumb"
            items={[
              { title: <Link to="/plans">方案</Link> },
              { title: <Link to={`/plans/${targetPlanId}`}>{plan?.title ?? '方案'}</Link> },
              { title: '上传修订版' },
            ]}
          />
          <h1 className="page-title">上传修订版</h1>
          <div className="muted page-lead">上传修订后的方案文件，系统将逐项比较新增、变更和删除的任务，由您选择要应用的修改；未删除任务的进展报告会保留。</div>
        </>
      ) : (
        <>
          <h1 className="page-title">导入方案</h1>
          <div className="muted page-lead">上传印发的实施方案文件，系统识别出方案信息、任务和责任单位，审核确认后生成方案。</div>
        </>
      )}
      <Card size="small">
        <ImportUpload targetPlanId={targetPlanId} onUploaded={(view) => void navigate(`/imports/${view.id}`)} />
      </Card>
      {targetPlanId === undefined && <ImportDraftsList />}
    </div>
  );
}
