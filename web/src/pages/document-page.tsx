import { Alert, App, Breadcrumb, Card, Skeleton, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import type { DocumentDetail, ReportDocument } from '../api/documents.ts';
import { deleteDocument, fetchDocument, issueDocument, regenerateDocument, saveDocument } from '../api/documents.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { BlockEditor, modelProblems } from '../components/documents/block-editor.tsx';
import { DocumentPreview } from '../components/documents/document-preview.tsx';
import type { DraftAction } from '../components/documents/document-toolbar.tsx';
import { DocumentToolbar } from '../components/documents/document-toolbar.tsx';
import '../components/documents/documents.css';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { useLeaveGuard } from '../hooks/use-leave-guard.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** /documents/:id — a 公文: the printed-page preview, the text editor of a draft, 印发 and downloads. */
export function DocumentPage() {
  const params = useParams();
  const id = params.id && /^\d+$/.test(params.id) ? Number(params.id) : undefined;
  const loaded = useApi(id ? (signal) => fetchDocument(id, signal) : null, [id]);
  if (!id) return <NotFoundPage title="公文不存在" />;
  if (loaded.error) return <ErrorResult error={loaded.error} notFoundTitle="公文不存在" onRetry={loaded.reload} />;
  if (!loaded.data || loaded.data.id !== id) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <DocumentView key={id} initial={loaded.data} />;
}

function DocumentView({ initial }: { initial: DocumentDetail }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [doc, setDoc] = useState(initial);
  const [model, setModel] = useState<ReportDocument>(initial.model);
  const [busy, setBusy] = useState<DraftAction | null>(null);
  const [tab, setTab] = useState('preview');
  const dirty = useMemo(() => JSON.stringify(model) !== JSON.stringify(doc.model), [model, doc.model]);
  const editable = doc.permissions.edit;

  useLeaveGuard(dirty && busy === null, '文稿的修改尚未保存，离开后这些修改将丢失。');

  const apply = (next: DocumentDetail) => {
    setDoc(next);
    setModel(next.model);
  };

  const run = async (action: DraftAction, work: () => Promise<void>) => {
    setBusy(action);
    try {
      await work();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const save = async (): Promise<boolean> => {
    const problem = modelProblems(model);
    if (problem) {
      void message.error(problem);
      return false;
    }
    apply(await saveDocument(doc.id, model, doc.version));
    return true;
  };

  const onAction = (action: DraftAction) => {
    if (action === 'save') {
      void run('save', async () => {
        if (await save()) void message.success('已保存');
      });
    } else if (action === 'regenerate') {
      modal.confirm({
        title: '重新生成草稿？',
        content: '将按最新的任务数据重新起草，您对文字所做的修改（包括已保存的）将全部丢失。',
        okText: '重新生成',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () =>
          run('regenerate', async () => {
            apply(await regenerateDocument(doc.id));
            void message.success('已按最新数据重新生成');
          }),
      });
    } else if (action === 'issue') {
      modal.confirm({
        title: `印发《${model.title}》？`,
        content: `印发后将编定文号、定稿存档，不能再修改或删除。${dirty ? '未保存的修改将先保存。' : ''}`,
        okText: '印发',
        cancelText: '取消',
        onOk: () =>
          run('issue', async () => {
            if (dirty && !(await save())) return;
            const issued = await issueDocument(doc.id);
            apply(issued);
            setTab('preview');
            void message.success(issued.number ? `已印发：${issued.number}` : '已印发');
          }),
      });
    } else {
      void run('delete', async () => {
        await deleteDocument(doc.id);
        void message.success('草稿已删除');
        void navigate(`/documents?plan=${doc.planId}`);
      });
    }
  };

  const preview = (
    <div className="doc-preview-wrap">
      {dirty && <Alert className="doc-dirty" type="warning" showIcon title="有未保存的修改：保存后预览更新" />}
      <DocumentPreview html={doc.html} />
    </div>
  );
  const editor = (
    <Card size="small" title="修改文字" className="doc-editor-card" extra={dirty ? <Tag color="orange">未保存</Tag> : <Tag>已保存</Tag>}>
      <BlockEditor model={model} onChange={setModel} />
    </Card>
  );

  return (
    <div className="page">
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to={`/documents?plan=${doc.planId}`}>公文</Link> }, { title: doc.status === 'issued' ? doc.number ?? '已印发' : '草稿' }]}
      />
      <div className="doc-head">
        <h1 className="page-title doc-page-title">{doc.title}</h1>
        <div className="doc-head-tags">
          <Tag color={doc.status === 'issued' ? 'red' : 'default'}>{doc.kindLabel}</Tag>
          <Tag>{doc.periodLabel}</Tag>
          {doc.status === 'issued' ? (
            <Tag color="success" data-testid="doc-status">
              已印发
            </Tag>
          ) : (
            <Tag color="processing" data-testid="doc-status">
              草稿
            </Tag>
          )}
        </div>
      </div>
      {doc.status === 'issued' && (
        <Alert
          type="success"
          showIcon
          data-testid="doc-issued"
          title={
            <span>
              {doc.number ? (
                <>
                  文号 <b className="doc-number" data-testid="doc-number">{doc.number}</b>，
                </>
              ) : null}
              {dateTimeLabel(doc.issuedAt)} 印发。已定稿，不能再修改。
            </span>
          }
        />
      )}
      {doc.status === 'draft' && !editable && <Alert type="info" showIcon title="草稿由优化办起草，印发前可能还会修改。" />}
      {doc.status === 'draft' && doc.notes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="doc-notes"
          title={`数据未能填写的${doc.notes.length}处（文稿中标有【待补充】），印发前请补充或删除：`}
          description={
            <ol className="doc-notes">
              {doc.notes.map((n, i) => (
                <li key={`${i}-${n}`}>{n}</li>
              ))}
            </ol>
          }
        />
      )}
      <DocumentToolbar doc={doc} dirty={dirty} busy={busy} onAction={onAction} />
      {!editable ? (
        preview
      ) : mobile ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'preview', label: '预览', children: preview },
            { key: 'edit', label: dirty ? '修改文字 ●' : '修改文字', children: editor },
          ]}
        />
      ) : (
        <div className="doc-workspace">
          {preview}
          {editor}
        </div>
      )}
    </div>
  );
}
