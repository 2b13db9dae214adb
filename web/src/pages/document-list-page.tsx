import { Alert, Skeleton, Tabs } from 'antd';
import { errorMessage } from '../api/client.ts';
import { fetchDocuments } from '../api/documents.ts';
import { fetchPlans } from '../api/plans.ts';
import { useMe } from '../auth/auth-context.ts';
import { DocumentList } from '../components/documents/document-list.tsx';
import '../components/documents/documents.css';
import { GenerateForm } from '../components/documents/generate-form.tsx';
import { defaultPeriod } from '../components/documents/period-picker.tsx';
import { PracticeNotes } from '../components/documents/practice-notes.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { PlanPicker } from '../components/plan-picker.tsx';

/** /documents?plan= — 公文: a plan's issued documents and drafts, 生成公文, and its 典型做法. */
export function DocumentListPage() {
  const me = useMe();
  const office = me.permissions.writeDocuments;
  const [params, update] = useQueryPatch();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const planItems = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || planItems[0]?.id;
  const plan = planItems.find((p) => p.id === planId);
  const docs = useApi(planId ? (signal) => fetchDocuments(planId, signal) : null, [planId]);
  const tab = params.get('tab') === 'notes' ? 'notes' : 'docs';
  const notesPeriod = params.get('period') ?? defaultPeriod('month', plan?.year);


  const error = plans.error ?? docs.error;
  return (
    <div className="page">
      <h1 className="page-title">公文</h1>
      <div className="doc-plan">
        <span className="muted doc-plan-label">方案：</span>
        <PlanPicker className="doc-plan-select" testId="doc-plan" plans={planItems} value={planId} onChange={(id) => update({ plan: String(id), period: undefined })} />
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!planId || !plan ? (
        plans.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : !error && <Alert type="info" showIcon title="没有可查看的方案" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'notes' ? 'notes' : undefined })}
          items={[
            {
              key: 'docs',
              label: '公文',
              children: (
                <div className="page">
                  {office && <GenerateForm key={plan.id} planId={plan.id} planYear={plan.year} />}
                  {!docs.data && docs.loading ? (
                    <Skeleton active paragraph={{ rows: 6 }} />
                  ) : (
                    <DocumentList items={docs.data?.items ?? []} loading={docs.loading} onChanged={docs.reload} />
                  )}
                </div>
              ),
            },
            {
              key: 'notes',
              label: '典型做法',
              children: <PracticeNotes planId={plan.id} period={notesPeriod} onPeriod={(p) => update({ period: p })} canEdit={office} />,
            },
          ]}
        />
      )}
    </div>
  );
}
