import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { Block, BlockOf, Inline, ReportDocument } from '../../api/documents.ts';
import { addAttachment, headingNumber, relabelAttachments, renumber } from '../../../../src/domain/documents/document-structure.ts';
import { StructureBar } from './structure-bar.tsx';
import { TableEditor } from './table-editor.tsx';

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

/** The editor of one block. */
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
          <div className="doc-heading-edit">
            <Select
              size="small"
              aria-label="标题层级"
              value={block.level}
              options={HEADING_LABELS.map((label, i) => ({ value: i + 1, label }))}
              onChange={(level: 1 | 2 | 3 | 4) => onChange({ ...block, level, number: /^[【编]/.test(block.text) ? block.number : headingNumber(level, 1) })}
            />
            <Input value={block.text} onChange={(e) => onChange({ ...block, text: e.target.value })} status={block.text.trim() ? undefined : 'error'} />
          </div>
        </Field>
      );
    case 'paragraph':
      return <ParagraphEditor block={block} onChange={onChange} n={n} />;
    case 'attachmentNote':
      return (
        <Field label="附件说明（随各附件标题更新）">
          {block.items.map((item, i) => (
            <div key={i} className="doc-fixed">
              {block.items.length > 1 ? `${i + 1}. ` : ''}
              {item}
            </div>
          ))}
        </Field>
      );
    case 'attachment':
      return (
        <Field label={block.label} testId="doc-edit-attachment">
          <div className="doc-fixed muted">附件从新的一页开始，下一块为其标题</div>
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
      return (
        <Field label="表格">
          <TableEditor block={block} onChange={onChange} />
        </Field>
      );
    case 'chart':
      return (
        <Field label="图表（按数据生成）" testId="doc-edit-chart">
          <Input prefix={<span className="muted">图题</span>} value={block.caption} onChange={(e) => onChange({ ...block, caption: e.target.value })} />
        </Field>
      );
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
    if (b.kind === 'heading' && !b.text.trim()) return '层次标题不能为空';
  }
  return null;
}

const NEW_ATTACHMENT: Block[] = [
  { kind: 'attachment', label: '附件' },
  { kind: 'title', text: '附件标题' },
  { kind: 'paragraph', runs: [{ text: '' }], indent: true },
];

/**
 * The side panel: every block of the draft in reading order, its text editable, with buttons to
 * move, delete and insert blocks (a heading moves and deletes with its section) and to add an 附件.
 * Headings are renumbered and 附件 relabelled after each change, so the preview, the DOCX and the
 * issued copy number them as they stand.
 */
export function BlockEditor({ model, onChange }: { model: ReportDocument; onChange: (m: ReportDocument) => void }) {
  const [removed, setRemoved] = useState<Block[]>([]);
  let paragraphs = 0;
  const setBlocks = (blocks: Block[]) => {
    // The document title (file metadata, list) follows the printed title.
    const printed = blocks.find((b): b is BlockOf<'title'> => b.kind === 'title');
    const title = printed?.text.trim() ? printed.text.trim() : model.title;
    onChange({ ...model, title, blocks });
  };
  const setBlock = (index: number, next: Block) => {
    const blocks = model.blocks.map((b, i) => (i === index ? next : b));
    // A heading's level or an attachment's title changes numbers and the 附件说明.
    setBlocks(next.kind === 'heading' || next.kind === 'title' ? relabelAttachments(renumber(blocks)) : blocks);
  };
  return (
    <div className="doc-editor" data-testid="doc-editor">
      {model.blocks.map((block, i) => {
        if (block.kind === 'paragraph') paragraphs += 1;
        return (
          <div key={i} className="doc-block">
            <StructureBar blocks={model.blocks} index={i} removed={removed} onBlocks={setBlocks} onRemoved={setRemoved} />
            <BlockField block={block} n={paragraphs} onChange={(b) => setBlock(i, b)} />
          </div>
        );
      })}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        data-testid="doc-add-attachment"
        onClick={() => setBlocks(addAttachment(model.blocks, NEW_ATTACHMENT, (items) => ({ kind: 'attachmentNote', items })))}
      >
        添加附件
      </Button>
    </div>
  );
}
