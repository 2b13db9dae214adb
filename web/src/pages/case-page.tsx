import { Alert, Card, Descriptions, Skeleton, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMe } from '../auth/auth-context.ts';
import { errorMessage } from '../api/client.ts';
import { fetchCase, type CaseDetail } from '../api/cases-api.ts';
import { CaseActions } from '../components/cases/case-actions.tsx';
import { KIND_LABELS, SATISFACTION_LABELS, SEVERITY_LABELS, SOURCE_LABELS, STATE_LABELS, STEP_LABELS } from '../components/cases/case-labels.ts';
import { CaseFilesCard } from '../components/cases/case-files-card.tsx';
import { CaseLinksCard } from '../components/cases/case-links-card.tsx';
import { LightDot } from '../components/light-dot.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';

const STEP_NAMES: Record<string, string> = {
  ...STEP_LABELS, extension_request: '申请延期', extension_approve: '批准延期', extension_refuse: '不批准延期',
};

/** /cases/:id — a problem: what, where, who, its light, the next step and its timeline. */
export function CasePage() {
  const id = Number(useParams().id);
  const me = useMe();
  const mobile = useIsMobile();
  const loaded = useApi((signal) => fetchCase(id, signal), [id]);
  const [detail, setDetail] = useState<CaseDetail | undefined>();
  useEffect(() => setDetail(loaded.data), [loaded.data]);
  if (loaded.error) return <div className="page"><Alert type="error" showIcon title={errorMessage(loaded.error)} /></div>;
  if (!detail) return <div className="page"><Skeleton active /></div>;
  const c = detail.case;
  return (
    <div className="page">
      <h1 className="page-title" data-testid="case-title-heading">{c.title}</h1>
      <div style={{ marginBottom: 12 }}>
        <Tag color="blue" data-testid="case-state">{STATE_LABELS[c.state]}</Tag> <LightDot light={c.light} /> <span className="muted">{c.lightReason}</span>
      </div>
      <CaseActions detail={detail} onChanged={setDetail} />
      {/* A unit attaches its evidence before replying: on a phone the card sits right under 办理. */}
      {!me.permissions.manageCases && <CaseFilesCard detail={detail} onChanged={setDetail} />}
      <Card size="small" title="问题" style={{ marginBottom: 12 }}>
        <Descriptions column={mobile ? 1 : 2} size="small">
          <Descriptions.Item label="来源">{SOURCE_LABELS[c.source]}{c.refNo ? `（${c.refNo}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="类别">{KIND_LABELS[c.kind]} · {SEVERITY_LABELS[c.severity]}{c.category ? ` · ${c.category}` : ''}</Descriptions.Item>
          <Descriptions.Item label="发现日期">{c.foundOn}</Descriptions.Item>
          <Descriptions.Item label="地点">{c.place || c.placeRegionName || '—'}</Descriptions.Item>
          <Descriptions.Item label="企业">{c.enterpriseName ?? '—'}{c.creditCode ? `（${c.creditCode}）` : ''}</Descriptions.Item>
          {me.permissions.manageCases && <Descriptions.Item label="联系方式">{c.contact ?? '—'}</Descriptions.Item>}
          <Descriptions.Item label="主办单位">{c.leadUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="协办单位">{c.coUnitNames.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="办理时限">{c.dueOn ?? '—'}{c.originalDueOn && c.originalDueOn !== c.dueOn ? `（原 ${c.originalDueOn}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="回访满意度">{c.satisfaction ? SATISFACTION_LABELS[c.satisfaction] : '—'}</Descriptions.Item>
          <Descriptions.Item label="退回/重办">{c.returns} 次退回，{c.reopens} 次因不满意重办</Descriptions.Item>
        </Descriptions>
        <div style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} data-testid="case-finding-text">{c.finding}</div>
      </Card>
      {me.permissions.manageCases && <CaseFilesCard detail={detail} onChanged={setDetail} />}
      <CaseLinksCard detail={detail} office={me.permissions.manageCases} onChanged={setDetail} />
      <Card size="small" title="办理时间线">
        <Timeline
          data-testid="case-timeline"
          items={detail.events.map((e) => ({
            key: e.id,
            color: e.step === 'return' || e.step === 'overdue' ? 'red' : e.step === 'close' ? 'green' : 'blue',
            children: (
              <div>
                <strong>{STEP_NAMES[e.step] ?? e.step}</strong> <span className="muted">{e.day} {e.unitName ?? e.actorName ?? '系统'}</span>
                {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
