import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Block, BlockOf, Inline, ReportDocument } from '../../api/documents.ts';

const { TextArea } = Input;

const HEADING_LABELS = ['一级标题', '二级标题', '三级标题', '四级标题'];
const FACE_LABELS: Record<NonNullable<Inline['face']>, string> = { hei: '黑体', kai: '楷体', fang: '仿宋' };

function Field({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="doc-field" data-testid={testId}>
      <div className="doc-field-label">{label}</div>
      {children}
    </div>
  );
}

function ParagraphEditor({ block, onChange, n }: { block: BlockOf<'paragraph'>; onChange: (b: Block) => void; n: number }) {
  const setRun = (i: number, text: string) => onChange({ ...block, runs: block.runs.map((r, j) => (j === i ? { ...r, text } : r)) });
  return (
    <Field label={`段落 ${n}`} testId="doc-edit-paragraph">
      {block.runs.map((run, i) =>
        run.face && block.runs.length > 1 ? (
          <Input
            key={i}
            size="small"
            className="doc-run-lead"
            prefix={<span className="muted">{FACE_LABELS[run.face]}</span>}
            value={run.text}
            onChange={(e) => setRun(i, e.target.value)}
          />
        ) : (
          <TextArea key={i} autoSize={{ minRows: 1, maxRows: 12 }} value={run.text} onChange={(e) => setRun(i, e.target.value)} />
        ),
      )}
    </Field>
  );
}

function RecordEditor({ block, onChange }: { block: BlockOf<'record'>; onChange: (b: Block) => void }) {
  const setLine = (i: number, patch: Partial<{ label: string; text: string }>) =>
    onChange({ ...block, lines: block.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <Field label="版记（抄送、报、发）" testId="doc-edit-record">
      {block.lines.map((line, i) => (
        <div key={i} className="doc-record-line">
          <Input className="doc-record-label" aria-label="版记项" value={line.label} onChange={(e) => setLine(i, { label: e.target.value })} />
          <TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={line.text} onChange={(e) => setLine(i, { text: e.target.value })} />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除此行"
            onClick={() => onChange({ ...block, lines: block.lines.filter((_, j) => j !== i) })}
          />
        </div>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange({ ...block, lines: [...block.lines, { label: '抄送', text: '' }] })}>
        添加抄送行
      </Button>
    </Field>
  );
}

/** The editor of one block, or a note for blocks built from data (tables, charts). */
function BlockField({ block, onChange, n }: { block: Block; onChange: (b: Block) => void; n: number }) {
  switch (block.kind) {
    case 'redHeader':
      return (
        <Field label="发文机关标志">
          <Input value={block.issuer} onChange={(e) => onChange({ ...block, issuer: e.target.value })} status={block.issuer.trim() ? undefined : 'error'} />
        </Field>
      );
    case 'masthead':
      return (
        <Field label="报头">
          <Input value={block.title} onChange={(e) => onChange({ ...block, title: e.target.value })} status={block.title.trim() ? undefined : 'error'} />
          <Input prefix={<span className="muted">编发单位</span>} value={block.issuer} onChange={(e) => onChange({ ...block, issuer: e.target.value })} />
          <Input prefix={<span className="muted">日期</span>} value={block.date} onChange={(e) => onChange({ ...block, date: e.target.value })} />
        </Field>
      );
    case 'title':
      return (
        <Field label="标题" testId="doc-edit-title">
          <TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={block.text} onChange={(e) => onChange({ ...block, text: e.target.value })} status={block.text.trim() ? undefined : 'error'} />
        </Field>
      );
    case 'addressee':
      return (
        <Field label="主送机关">
          <Input value={block.text} onChange={(e) => onChange({ ...block, text: e.target.value })} status={block.text.trim() ? undefined : 'error'} />
        </Field>
      );
    case 'heading':
      return (
        <Field label={`${HEADING_LABELS[block.level - 1]} ${block.number}`} testId="doc-edit-heading">
          <Input value={block.text} onChange={(e) => onChange({ ...block, text: e.target.value })} />
        </Field>
      );
    case 'paragraph':
      return <ParagraphEditor block={block} onChange={onChange} n={n} />;
    case 'attachmentNote':
      return (
        <Field label="附件说明">
          {block.items.map((item, i) => (
            <Input key={i} value={item} onChange={(e) => onChange({ ...block, items: block.items.map((x, j) => (j === i ? e.target.value : x)) })} />
          ))}
        </Field>
      );
    case 'attachment':
      return (
        <Field label="附件">
          <Input value={block.label} onChange={(e) => onChange({ ...block, label: e.target.value })} />
        </Field>
      );
    case 'signature':
      return (
        <Field label="署名和成文日期" testId="doc-edit-signature">
          <Input value={block.issuer} onChange={(e) => onChange({ ...block, issuer: e.target.value })} status={block.issuer.trim() ? undefined : 'error'} />
          <DatePicker
            className="doc-date"
            allowClear={false}
            value={dayjs(block.date)}
            onChange={(d) => d && onChange({ ...block, date: d.format('YYYY-MM-DD') })}
          />
        </Field>
      );
    case 'record':
      return <RecordEditor block={block} onChange={onChange} />;
    case 'table':
      return <div className="doc-fixed muted">{block.caption ?? '表格'}（按数据生成，不在此修改）</div>;
    case 'chart':
      return <div className="doc-fixed muted">{block.caption}（按数据生成，不在此修改）</div>;
    default:
      return null;
  }
}

/** True when every block the editor touches still passes the server's checks (non-empty names). */
export function modelProblems(model: ReportDocument): string | null {
  for (const b of model.blocks) {
    if (b.kind === 'title' && !b.text.trim()) return '标题不能为空';
    if (b.kind === 'addressee' && !b.text.trim()) return '主送机关不能为空';
    if ((b.kind === 'signature' || b.kind === 'redHeader') && !b.issuer.trim()) return '发文机关不能为空';
    if (b.kind === 'masthead' && !b.title.trim()) return '报头不能为空';
  }
  return null;
}

/** The side panel: the text blocks of the draft in reading order, each editable. */
export function BlockEditor({ model, onChange }: { model: ReportDocument; onChange: (m: ReportDocument) => void }) {
  let paragraphs = 0;
  const setBlock = (index: number, next: Block) => {
    const blocks = model.blocks.map((b, i) => (i === index ? next : b));
    // The document title (file metadata, list) follows the printed title.
    const title = next.kind === 'title' && next.text.trim() ? next.text.trim() : model.title;
    onChange({ ...model, title, blocks });
  };
  return (
    <div className="doc-editor" data-testid="doc-editor">
      {model.blocks.map((block, i) => {
        if (block.kind === 'paragraph') paragraphs += 1;
        return <BlockField key={i} block={block} n={paragraphs} onChange={(b) => setBlock(i, b)} />;
      })}
    </div>
  );
}
