import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fetchRounds } from '../api/assessment.ts';
import { useMe } from '../auth/auth-context.ts';
import { errorMessage } from '../api/client.ts';
import { AssessmentNav } from '../components/assessment/assessment-tabs-nav.tsx';
import { AssessmentPlanPicker, usePlanParam } from '../components/assessment/plan-picker.tsx';
import { RoundFormModal } from '../components/assessment/round-form-modal.tsx';
import '../components/assessment/assessment.css';
import { useApi } from '../hooks/use-api.ts';
import { dateTimeLabel } from '../lib/format.ts';

/** /assessment — 评价: the assessment rounds of one plan (?plan=) and 新建评价轮次 for the office. */
export function AssessmentPage() {
  const navigate = useNavigate();
  const me = useMe();
  const { plans, plansError, planId, setPlan } = usePlanParam();
  const rounds = useApi(planId ? (signal) => fetchRounds(planId, signal) : null, [planId]);
  const [creating, setCreating] = useState(false);
  const items = rounds.data?.items ?? [];
  // Offices get the create button (the server says per round who may manage; with no round yet a
  // refused create shows the server's message); leaders only read.
  const canManage = me.permissions.manageAssessment && (items.length === 0 || items.some((r) => r.permissions.manage));
  const error = plansError ?? rounds.error;

  return (
    <div className="page">
      <div className="page-title-row">
        <h1 className="page-title">评价</h1>
        <AssessmentNav current="rounds" planId={planId} />
      </div>
      <div className="assess-toolbar">
        <span className="muted">方案：</span>
        <AssessmentPlanPicker plans={plans} value={planId} onChange={setPlan} />
        <span className="assess-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
            新建评价轮次
          </Button>
        )}
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!rounds.data ? (
        rounds.loading ? <Skeleton active paragraph={{ rows: 4 }} /> : null
      ) : items.length === 0 ? (
        <Card size="small">
          <Empty description="该方案暂无评价轮次" />
        </Card>
      ) : (
        <div className="assess-round-cards" data-testid="round-list">
          {items.map((r) => (
            <Card
              key={r.id}
              size="small"
              hoverable
              className="assess-round-card"
              title={<Link to={`/assessment/rounds/${r.id}`}>{r.title}</Link>}
              onClick={() => void navigate(`/assessment/rounds/${r.id}`)}
              data-testid="round-card"
            >
              <div className="assess-round-meta">
                <span>
                  评价期 <Tag>{r.period}</Tag>
                </span>
                <span className="muted">参评市州 {r.fieldSizes.indicator} 个</span>
                {r.indicatorRanks !== undefined && <span className="muted">已录入指标 {r.indicatorRanks} 项</span>}
                {r.placeRanks !== undefined && <span className="muted">县市区园区 {r.placeRanks} 个</span>}
              </div>
              <div className="muted">更新于 {dateTimeLabel(r.updatedAt)}</div>
            </Card>
          ))}
        </div>
      )}
      <RoundFormModal
        open={creating}
        planId={planId}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          void navigate(`/assessment/rounds/${r.id}?tab=entry`);
        }}
      />
    </div>
  );
}
