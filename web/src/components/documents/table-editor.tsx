import { Button, Input, Space } from 'antd';
import type { Block, BlockOf } from '../../api/documents.ts';

/** Tables larger than this are shown as a summary: built from data, edited in the task records. */
const EDITABLE_ROWS = 30;
const EDITABLE_COLUMNS = 8;

/** The caption, column titles and cells of a table; rows and columns added or removed at the end. */
export function TableEditor({ block, onChange }: { block: BlockOf<'table'>; onChange: (b: Block) => void }) {
  const width = block.columns.length;
  const large = block.rows.length > EDITABLE_ROWS || width > EDITABLE_COLUMNS;
  const setCell = (r: number, c: number, text: string) =>
    onChange({ ...block, rows: block.rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? text : x)) : row)) });
  const setTitle = (c: number, title: string) => onChange({ ...block, columns: block.columns.map((col, j) => (j === c ? { ...col, title } : col)) });
  const addColumn = () =>
    onChange({ ...block, columns: [...block.columns, { title: '', weight: 2, align: 'left' }], rows: block.rows.map((r) => [...r, '']) });
  const dropColumn = () => onChange({ ...block, columns: block.columns.slice(0, -1), rows: block.rows.map((r) => r.slice(0, -1)) });
  return (
    <div className="doc-table-edit" data-testid="doc-edit-table">
      <Input prefix={<span className="muted">表题</span>} value={block.caption ?? ''} onChange={(e) => onChange({ ...block, caption: e.target.value || null })} />
      {large ? (
        <div className="doc-fixed muted">
          按数据生成的表格，共{block.rows.length}行{width}列（在任务记录中修改数据后重新生成）
        </div>
      ) : (
        <>
          <div className="doc-table-grid" style={{ gridTemplateColumns: `repeat(${width}, minmax(4em, 1fr))` }}>
            {block.columns.map((c, j) => (
              <Input key={`h${j}`} size="small" className="doc-table-head" aria-label={`第${j + 1}列列名`} value={c.title} onChange={(e) => setTitle(j, e.target.value)} />
            ))}
            {block.rows.map((row, i) =>
              row.map((cell, j) => (
                <Input.TextArea
                  key={`${i}-${j}`}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  aria-label={`第${i + 1}行第${j + 1}列`}
                  value={cell}
                  onChange={(e) => setCell(i, j, e.target.value)}
                />
              )),
            )}
          </div>
          <Space wrap size={4}>
            <Button size="small" onClick={() => onChange({ ...block, rows: [...block.rows, Array.from({ length: width }, () => '')] })}>加一行</Button>
            <Button size="small" disabled={block.rows.length === 0} onClick={() => onChange({ ...block, rows: block.rows.slice(0, -1) })}>删末行</Button>
            <Button size="small" disabled={width >= EDITABLE_COLUMNS} onClick={addColumn}>加一列</Button>
            <Button size="small" disabled={width <= 1} onClick={dropColumn}>删末列</Button>
          </Space>
        </>
      )}
    </div>
  );
}
