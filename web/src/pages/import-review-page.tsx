import { Alert, App, Breadcrumb, Button, Card, Popconfirm, Result, Skeleton, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import type { ApplyChoice, Draft, DraftPlan, DraftTask, ImportView, UnitMapping } from '../api/imports.ts';
import { applyImport, commitImport, discardImport, fetchImport, saveDraft } from '../api/imports.ts';
import { ErrorResult } from '../components/error-result.tsx';
import type { DraftColumn } from '../components/import/draft-fields.ts';
import { FIELD_LABELS, clearUncertain, columnOfField, parseErrorPath, writtenUnitNames } from '../components/import/draft-fields.ts';
import type { CellError } from '../components/import/draft-task-table.tsx';
import { DraftTaskTable } from '../components/import/draft-task-table.tsx';
import { ImportDiffView } from '../components/import/import-diff.tsx';
import { ImportWarnings } from '../components/import/import-warnings.tsx';
import { PlanMetaForm } from '../components/import/plan-meta-form.tsx';
import { UnitMappingPanel } from '../components/import/unit-mapping-panel.tsx';
import { deleteTask, insertTask } from '../components/import/draft-rows.ts';
import { suggestedMapping, unitsForMapping } from '../components/import/unit-scope.ts';
import { useLeaveGuard } from '../hooks/use-leave-guard.ts';
import '../components/import/import.css';
import { useApi } from '../hooks/use-api.ts';
import { useUnits } from '../hooks/use-units.ts';
import { NotFoundPage } from './not-found-page.tsx';

interface PathError {
  path: string;
  message: string;
}

function pathError(e: unknown): PathError | null {
  if (!(e instanceof ApiError) || e.code !== 'PLAN_DRAFT_INVALID') return null;
  const details = e.details as { path?: unknown } | undefined;
  return { path: typeof details?.path === 'string' ? details.path : '', message: e.message };
}

/** 第 3 项任务的“具体举措” / 方案的“年度” for an error path. */
function pathLabel(path: string, tasks: DraftTask[]): string {
  const { taskIndex, field, planField } = parseErrorPath(path);
  if (planField) return `方案信息“${FIELD_LABELS[planField] ?? planField}”`;
  if (taskIndex !== undefined) {
    const task = tasks[taskIndex];
    const name = task ? `第 ${task.seq_cn ?? task.seq} 项任务` : `第 ${taskIndex + 1} 行任务`;
    return field ? `${name}的“${FIELD_LABELS[field] ?? field}”` : name;
  }
  return path;
}

/** Only choices for names the draft still writes go to the server (it refuses unknown names). */
function mappingFor(mapping: UnitMapping, names: string[]): UnitMapping | undefined {
  const entries = Object.entries(mapping).filter(([name]) => names.includes(name));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** /imports/:id — review an uploaded plan: edit its data and tasks, map units, commit or apply. */
export function ImportReviewPage() {
  const { id } = useParams();
  const importId = id && /^\d+$/.test(id) ? Number(id) : undefined;
  const { data: loaded, error, reload } = useApi(importId === undefined ? null : (signal) => fetchImport(importId, signal), [importId]);
  if (importId === undefined) return <NotFoundPage title="导入记录不存在" />;
  if (error) return <ErrorResult error={error} notFoundTitle="导入记录不存在" onRetry={reload} />;
  if (!loaded || loaded.id !== importId) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <ImportReview key={loaded.id} initial={loaded} />;
}

function ImportReview({ initial }: { initial: ImportView }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const allUnits = useUnits();
  const [view, setView] = useState(initial);
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [dirty, setDirty] = useState(false);
  const [saveError, setSaveError] = useState<PathError | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [chosenMapping, setMapping] = useState<UnitMapping>({});
  const [busy, setBusy] = useState<'save' | 'commit' | 'discard' | 'apply' | null>(null);
  const [focus, setFocus] = useState<{ seq: number; at: number } | null>(null);

  // Leaving with unsaved edits loses them: the menu, links and the browser ask first.
  useLeaveGuard(dirty && busy === null, '审核中的修改尚未保存，离开后这些修改将丢失。');

  // Every unit the office may map to: its region's first, then those of its counties, districts
  // and parks (冷水滩区人民政府 maps to the existing unit, not a new one).
  const units = useMemo(() => unitsForMapping(allUnits, view.region.id), [allUnits, view.region.id]);
  const names = useMemo(() => writtenUnitNames(draft), [draft]);
  const unitOptions = useMemo(() => [...new Set([...names, ...units.map((u) => u.name)])], [names, units]);
  // A name the server did not match in the import's own region but that names (or is an alias of)
  // a unit below it is mapped to that unit unless the reviewer chose otherwise.
  const mapping = useMemo(() => ({ ...suggestedMapping(names, view.unitMatches, units), ...chosenMapping }), [names, view.unitMatches, units, chosenMapping]);

  // The field to mark: the last rejected save, else (while unedited) why the stored draft cannot be committed.
  const shownError: PathError | null = saveError ?? (!dirty && view.problem ? { path: view.problem.path ?? '', message: view.problem.message } : null);
  const parsedError = shownError ? parseErrorPath(shownError.path) : {};
  const planFieldError = parsedError.planField && shownError ? { field: parsedError.planField, message: shownError.message } : null;
  const cellError: CellError | null =
    parsedError.taskIndex !== undefined && shownError ? { index: parsedError.taskIndex, column: columnOfField(parsedError.field), message: shownError.message } : null;

  const changeTask = useCallback((index: number, column: DraftColumn | 'seq', patch: Partial<DraftTask>) => {
    setDraft((d) => ({
      ...d,
      tasks: d.tasks.map((t, i) => (i === index ? { ...t, ...patch, uncertain: column === 'seq' ? t.uncertain : clearUncertain(t, column) } : t)),
    }));
    setDirty(true);
    setSaveError(null);
  }, []);
  const insertRow = useCallback((after?: number) => {
    const next = insertTask(draft, after);
    setDraft(next.draft);
    const task = next.draft.tasks[next.index];
    if (task) setFocus({ seq: task.seq, at: Date.now() });
    setDirty(true);
    setSaveError(null);
  }, [draft]);
  const deleteRow = useCallback((index: number) => {
    setDraft((d) => deleteTask(d, index));
    setDirty(true);
    setSaveError(null);
  }, []);
  const changePlan = useCallback((patch: Partial<DraftPlan>) => {
    setDraft((d) => ({ ...d, plan: { ...d.plan, ...patch } }));
    setDirty(true);
    setSaveError(null);
  }, []);
  const focusTask = useCallback((seq: number) => setFocus({ seq, at: Date.now() }), []);

  const save = async (quiet = false): Promise<boolean> => {
    setBusy('save');
    setActionError(null);
    try {
      const next = await saveDraft(view.id, draft, view.version);
      setView(next);
      setDraft(next.draft);
      setVersion((v) => v + 1);
      setDirty(false);
      setSaveError(null);
      if (!quiet) void message.success('修改已保存');
      return true;
    } catch (e) {
      const pe = pathError(e);
      if (pe) setSaveError(pe);
      else setActionError(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (dirty && !(await save(true))) return;
    setBusy('commit');
    setActionError(null);
    try {
      const result = await commitImport(view.id, { unitMapping: mappingFor(mapping, names) });
      const created = result.unitsCreated.length ? `，新建单位 ${result.unitsCreated.length} 个` : '';
      void message.success(`已导入方案：${result.tasks} 项任务${created}`);
      void navigate(`/plans/${result.planId}`);
    } catch (e) {
      const pe = pathError(e);
      if (pe) setSaveError(pe);
      else setActionError(errorMessage(e));
      setBusy(null);
    }
  };

  const discard = async () => {
    setBusy('discard');
    try {
      await discardImport(view.id);
      void message.success('已放弃本次导入');
      void navigate(view.targetPlanId ? `/plans/${view.targetPlanId}` : '/plans');
    } catch (e) {
      setActionError(errorMessage(e));
      setBusy(null);
    }
  };

  const confirmForce = (tasks: { seq: number; reportCount?: number }[]) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '删除已有进展报告的任务？',
        content: `任务 ${tasks.map((t) => t.seq).join('、')} 已有进展报告，删除任务会一并删除这些报告，且无法恢复。`,
        okText: '确认删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const apply = async (choice: Omit<ApplyChoice, 'force' | 'unitMapping'>) => {
    if (dirty && !(await save(true))) return;
    const withReports = (view.diff?.removed ?? []).filter((t) => choice.removed.includes(t.seq) && t.reportCount > 0);
    let force = false;
    if (withReports.length) {
      if (!(await confirmForce(withReports))) return;
      force = true;
    }
    setBusy('apply');
    setActionError(null);
    const run = (f: boolean) => applyImport(view.id, { ...choice, force: f, unitMapping: mappingFor(mapping, names) });
    try {
      let result;
      try {
        result = await run(force);
      } catch (e) {
        // Reports may have arrived since the diff was shown: ask now.
        if (!(e instanceof ApiError) || e.code !== 'IMPORT_TASK_HAS_REPORTS' || force) throw e;
        const blocked = ((e.details as { tasks?: { seq: number }[] } | undefined)?.tasks ?? []).map((t) => ({ seq: t.seq }));
        if (!(await confirmForce(blocked))) {
          setBusy(null);
          return;
        }
        result = await run(true);
      }
      void message.success(`已应用：新增 ${result.added.length} 项，变更 ${result.changed.length} 项，删除 ${result.removed.length} 项`);
      void navigate(`/plans/${result.planId}`);
    } catch (e) {
      setActionError(errorMessage(e));
      setBusy(null);
    }
  };

  if (view.status !== 'draft') {
    return (
      <Result
        status={view.status === 'committed' ? 'success' : 'info'}
        title={view.status === 'committed' ? '该文件已导入' : '该导入已放弃'}
        subTitle={view.fileName}
        extra={
          view.planId ? (
            <Button type="primary" onClick={() => void navigate(`/plans/${view.planId}`)}>
              查看方案
            </Button>
          ) : (
            <Button onClick={() => void navigate('/imports')}>重新导入</Button>
          )
        }
      />
    );
  }

  const reimport = view.targetPlanId !== null;
  return (
    <div className="page import-review" data-testid="import-review">
      <Breadcrumb
        className="page-breadcrumb"
        items={
          reimport
            ? [{ title: <Link to="/plans">方案</Link> }, { title: <Link to={`/plans/${view.targetPlanId}`}>{draft.plan.title || '方案'}</Link> }, { title: '上传修订版' }]
            : [{ title: <Link to="/imports">导入方案</Link> }, { title: view.fileName }]
        }
      />
      <div className="import-title-row">
        <h1 className="page-title">{reimport ? '核对修订版' : '审核导入'}</h1>
        <span className="muted import-file">
          {view.fileName} · {view.format.toUpperCase()} · {(view.fileSize / 1024).toFixed(view.fileSize < 10240 ? 1 : 0)} KB · {view.region.name}
        </span>
      </div>

      {shownError && (
        <Alert
          type={saveError ? 'error' : 'warning'}
          showIcon
          data-testid="draft-error"
          title={saveError ? '修改未保存' : '草稿尚不能提交'}
          description={
            <span>
              {shownError.path && !/^(第|方案信息)/.test(shownError.message) ? `${pathLabel(shownError.path, draft.tasks)}：` : ''}
              {shownError.message}
            </span>
          }
        />
      )}
      {actionError && <Alert type="error" showIcon data-testid="action-error" title={actionError} closable={{ onClose: () => setActionError(null) }} />}

      <Card size="small" title="方案信息">
        <PlanMetaForm plan={draft.plan} error={planFieldError} onChange={changePlan} />
      </Card>

      {reimport && view.diff && (
        <Card size="small" title="与现有方案的差异">
          <ImportDiffView key={version} diff={view.diff} busy={busy === 'apply'} onApply={(c) => void apply(c)} />
        </Card>
      )}
      {reimport && !view.diff && !dirty && (
        <Alert type="info" showIcon title="草稿修正后才能与现有方案比较差异" />
      )}
      {reimport && dirty && <Alert type="info" showIcon title="保存修改后重新比较差异" />}

      <Card size="small" title={`识别警告（${view.warnings.length}）`}>
        <ImportWarnings warnings={view.warnings} tasks={draft.tasks} fileName={view.fileName} onFocusTask={focusTask} />
      </Card>

      <Card
        size="small"
        className="draft-tasks-card"
        title={
          <span data-testid="draft-total">
            任务预览 · 共 {draft.tasks.length} 项任务
          </span>
        }
      >
        <div className="muted draft-legend-line">
          <Tag className="uncertain-legend">待核对</Tag>标出的内容导入时不确定，请核对；点击单元格即可修改。
        </div>
        <DraftTaskTable draft={draft} unitOptions={unitOptions} focus={focus} error={cellError} onChange={changeTask} onInsert={insertRow} onDelete={deleteRow} />
      </Card>

      <Card size="small" title="单位对应">
        <UnitMappingPanel
          names={names}
          matches={view.unitMatches}
          units={units}
          mapping={mapping}
          regionId={view.region.id}
          onMap={(name, value) =>
            setMapping((m) => {
              const next = { ...m };
              if (value === undefined) delete next[name];
              else next[name] = value;
              return next;
            })
          }
        />
      </Card>

      <div className="import-actions" data-testid="import-actions">
        <Popconfirm title="放弃本次导入？" description="草稿将被删除，方案不会改变。" okText="放弃" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void discard()}>
          <Button danger loading={busy === 'discard'}>
            放弃
          </Button>
        </Popconfirm>
        <Button disabled={!dirty} loading={busy === 'save'} data-testid="save-draft" onClick={() => void save()}>
          保存修改
        </Button>
        {!reimport && (
          <Button type="primary" loading={busy === 'commit'} data-testid="commit-import" onClick={() => void commit()}>
            确认导入
          </Button>
        )}
      </div>
    </div>
  );
}
