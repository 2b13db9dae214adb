import { Alert, App, Button, Form, Input, InputNumber, Radio, Slider } from 'antd';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { reviewReport, saveReport } from '../api/reports.ts';
import type { MyTask, Report, ReportInput, ReportStatus, TaskTarget } from '../api/models.ts';
import type { UnitRef } from '../api/models.ts';
import { REPORT_STATUS_LABELS } from '../lib/supervision-labels.ts';
import { newUuid } from '../lib/uuid.ts';
import { targetGoal } from '../../../src/domain/labels.ts';
import { CommentModal } from './comment-modal.tsx';
import { ConsolidateList, consolidatable, latestPerUnit } from './consolidate-list.tsx';
import { EvidenceUpload } from './evidence-upload.tsx';
import { useLeaveGuard } from '../hooks/use-leave-guard.ts';

export interface ReportValues {
  status: ReportStatus;
  percent: number;
  workDone: string;
  problems?: string;
  helpNeeded?: string;
  highlight?: string;
  targets?: Record<string, number | null>;
  consolidates?: number[];
}

const STATUS_OPTIONS = (Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).map((value) => ({ value, label: REPORT_STATUS_LABELS[value] }));

function targetLabel(t: TaskTarget): string {
  return `${t.metric}（${targetGoal(t)}）`;
}

/** Initial values: the draft being edited, else the returned version being corrected, else empty. */
function initialValues(base: Report | undefined, responsible: Report[]): ReportValues {
  const eligible = latestPerUnit(responsible).filter(consolidatable).map((r) => r.id);
  if (!base) return { status: 'in_progress', percent: 0, workDone: '', consolidates: eligible };
  return {
    status: base.status,
    percent: base.percent,
    workDone: base.workDone,
    problems: base.problems,
    helpNeeded: base.helpNeeded,
    highlight: base.highlight ?? '',
    targets: Object.fromEntries(base.targetValues.map((t) => [String(t.targetId), t.value])),
    consolidates: base.consolidates.length ? base.consolidates.filter((id) => eligible.includes(id)) : eligible,
  };
}

function toInput(item: MyTask, values: ReportValues, submit: boolean): ReportInput {
  const targetValues = Object.entries(values.targets ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([id, value]) => ({ targetId: Number(id), value }));
  return {
    period: item.period.key,
    status: values.status,
    percent: values.percent,
    workDone: values.workDone.trim(),
    problems: values.problems?.trim() ?? '',
    helpNeeded: values.helpNeeded?.trim() ?? '',
    highlight: values.highlight?.trim() || null,
    targetValues,
    ...(item.role === 'lead' ? { consolidates: values.consolidates ?? [] } : {}),
    submit,
  };
}

interface Props {
  form: FormInstance<ReportValues>;
  item: MyTask;
  /** Every report of the task the user may see (its own and, for a lead unit, the responsible ones). */
  reports: Report[];
  /** The unit's newest report of this period when it is a draft or was returned. */
  base: Report | undefined;
  responsibleUnits: UnitRef[];
  targets: TaskTarget[];
  onReportsChanged: () => void;
  /** Called after a save; `submitted` closes the drawer. */
  onSaved: (report: Report, submitted: boolean) => void;
}

/**
 * The report form of 我的任务. Each save or submit carries a fresh idempotency key, except that a
 * retry after a network failure reuses the failed attempt's key so the server files it only once.
 */
export function ReportForm({ form, item, reports, base, responsibleUnits, targets, onReportsChanged, onSaved }: Props) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [returning, setReturning] = useState<Report | null>(null);
  const draftId = useRef<number | undefined>(base?.state === 'draft' ? base.id : undefined);
  const pendingKey = useRef<{ submit: boolean; key: string } | null>(null);
  const responsible = reports.filter((r) => r.role === 'responsible' && r.period === item.period.key);
  const [initial] = useState(() => initialValues(base, responsible));
  const [edited, setEdited] = useState(false);
  useLeaveGuard(edited && busy === null, '进展报告的填写内容尚未保存，离开后将丢失。');

  const send = async (submit: boolean): Promise<Report> => {
    const values = await form.validateFields();
    const key = pendingKey.current?.submit === submit ? pendingKey.current.key : newUuid();
    pendingKey.current = { submit, key };
    try {
      const report = await saveReport(item.taskId, { ...toInput(item, values, submit), idempotencyKey: key });
      pendingKey.current = null;
      draftId.current = report.state === 'draft' ? report.id : undefined;
      return report;
    } catch (e) {
      // Only a lost answer may be retried with the same key; anything else was not filed.
      if (!(e instanceof ApiError && e.code === 'NETWORK_ERROR')) pendingKey.current = null;
      throw e;
    }
  };

  const save = async (submit: boolean) => {
    setBusy(submit ? 'submit' : 'draft');
    setError(null);
    try {
      const report = await send(submit);
      setEdited(false);
      void message.success(submit ? '已提交，等待审核' : '草稿已保存');
      onSaved(report, submit);
    } catch (e) {
      // Field errors are shown at the fields by the form itself.
      if (!(e && typeof e === 'object' && 'errorFields' in e)) setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const ensureReport = async (): Promise<number> => {
    if (draftId.current !== undefined) return draftId.current;
    try {
      await form.validateFields(['workDone']);
    } catch {
      throw new Error('请先填写本期工作进展，再上传佐证材料');
    }
    const report = await send(false);
    setEdited(false);
    onSaved(report, false);
    return report.id;
  };

  return (
    <Form<ReportValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      requiredMark={false}
      className="report-form"
      onValuesChange={(changed: Partial<ReportValues>) => {
        setEdited(true);
        if (changed.status === 'done') form.setFieldValue('percent', 100);
      }}
    >
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="report-error" />}
      {base?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={`第 ${base.version} 版被退回：${base.reviewComment ?? ''}`}
          description={`请修改后重新提交（将作为第 ${base.version + 1} 版）。`}
        />
      )}
      <Form.Item name="status" label="推进状态" rules={[{ required: true, message: '请选择推进状态' }]}>
        <Radio.Group optionType="button" options={STATUS_OPTIONS} className="status-radio" />
      </Form.Item>
      <Form.Item label="完成进度" required>
        <div className="percent-row">
          <Form.Item name="percent" noStyle>
            <Slider className="percent-slider" min={0} max={100} step={5} tooltip={{ formatter: (v) => `${v ?? 0}%` }} />
          </Form.Item>
          <Form.Item name="percent" noStyle>
            <InputNumber min={0} max={100} precision={0} suffix="%" className="percent-input" aria-label="完成进度（%）" />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item name="workDone" label="本期工作进展" rules={[{ required: true, whitespace: true, message: '请填写本期工作进展' }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount placeholder="本期完成了哪些工作、取得了什么成效" />
      </Form.Item>
      <Form.Item name="problems" label="存在问题">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder="没有可不填" />
      </Form.Item>
      <Form.Item name="helpNeeded" label="需协调事项">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder="需要优化办或其他单位协调解决的事项" />
      </Form.Item>
      {targets.length > 0 && (
        <fieldset className="report-fieldset">
          <legend>量化目标实际值</legend>
          {targets.map((t) => (
            <Form.Item key={t.id} name={['targets', String(t.id)]} label={targetLabel(t)}>
              <InputNumber className="target-input" suffix={t.unit} />
            </Form.Item>
          ))}
        </fieldset>
      )}
      <Form.Item label="佐证材料">
        <EvidenceUpload attachments={base?.state === 'draft' ? base.attachments : []} ensureReport={ensureReport} />
      </Form.Item>
      <Form.Item name="highlight" label="工作亮点（可选）">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="可供工作专报选用的典型做法、成效" />
      </Form.Item>
      {item.role === 'lead' && (
        <Form.Item name="consolidates" label="汇总责任单位报告" extra="勾选本汇总报告采纳的责任单位本期报告；有问题的可退回重报。">
          <ConsolidateList
            reports={responsible}
            units={responsibleUnits}
            onReturn={setReturning}
            onAccept={(r) => {
              reviewReport(r.id, 'accept').then(
                () => {
                  void message.success(`已通过 ${r.unit.name} 的报告`);
                  onReportsChanged();
                },
                (e: unknown) => void message.error(errorMessage(e)),
              );
            }}
          />
        </Form.Item>
      )}
      <div className="report-form-actions">
        <Button onClick={() => void save(false)} loading={busy === 'draft'} disabled={busy === 'submit'} data-testid="report-save">
          保存草稿
        </Button>
        <Button type="primary" onClick={() => void save(true)} loading={busy === 'submit'} disabled={busy === 'draft'} data-testid="report-submit">
          提交
        </Button>
      </div>
      <CommentModal
        open={returning !== null}
        title={returning ? `退回 ${returning.unit.name} 的报告` : '退回'}
        okText="退回"
        danger
        required
        placeholder="说明需要补充或更正的内容"
        onClose={() => setReturning(null)}
        onSubmit={async (comment) => {
          if (!returning) return;
          await reviewReport(returning.id, 'return', comment);
          void message.success('已退回');
          onReportsChanged();
        }}
      />
    </Form>
  );
}
