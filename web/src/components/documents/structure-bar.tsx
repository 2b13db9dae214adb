import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Popconfirm, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import type { Block } from '../../api/documents.ts';
import { headingNumber, insertAfter, isMovable, moveBlock, removeBlock, sectionRange } from '../../../../src/domain/documents/document-structure.ts';

/** New blocks the office can insert under any block of the body. */
const NEW_BLOCKS: Record<string, { label: string; make: () => Block[] }> = {
  h1: { label: '一级标题', make: () => [{ kind: 'heading', level: 1, number: headingNumber(1, 1), text: '新的一级标题' }] },
  h2: { label: '二级标题', make: () => [{ kind: 'heading', level: 2, number: headingNumber(2, 1), text: '新的二级标题' }] },
  p: { label: '段落', make: () => [{ kind: 'paragraph', runs: [{ text: '' }], indent: true }] },
  table: {
    label: '表格',
    make: () => [{
      kind: 'table', caption: '表　', rows: [['', ''], ['', '']],
      columns: [{ title: '项目', weight: 2, align: 'left' }, { title: '情况', weight: 3, align: 'left' }],
    }],
  },
};

const DATA_KINDS = new Set<Block['kind']>(['table', 'chart']);

function blockName(b: Block): string {
  if (b.kind === 'table') return b.caption?.trim() || '表格';
  if (b.kind === 'chart') return b.caption;
  return '内容';
}

export interface StructureProps {
  blocks: Block[];
  index: number;
  /** Tables and charts deleted in this session, offered for insertion again. */
  removed: Block[];
  onBlocks: (blocks: Block[]) => void;
  onRemoved: (removed: Block[]) => void;
}

/** Move up / down, delete and insert-below buttons of one block (a heading acts for its whole section). */
export function StructureBar({ blocks, index, removed, onBlocks, onRemoved }: StructureProps) {
  const block = blocks[index];
  if (!block) return null;
  const isAttachment = block.kind === 'attachment';
  const movable = isMovable(blocks, index);
  if (!movable && !isAttachment) return null;
  const [start, end] = sectionRange(blocks, index);
  const section = block.kind === 'heading' && end - start > 1;
  const up = moveBlock(blocks, index, -1);
  const down = moveBlock(blocks, index, 1);
  const same = (next: Block[]) => JSON.stringify(next) === JSON.stringify(blocks);

  const remove = () => {
    const gone = blocks.slice(start, end).filter((b) => DATA_KINDS.has(b.kind));
    if (gone.length) onRemoved([...removed, ...gone]);
    onBlocks(removeBlock(blocks, index));
  };
  const items: MenuProps['items'] = [
    ...Object.entries(NEW_BLOCKS).map(([key, b]) => ({ key, label: b.label })),
    ...(removed.length
      ? [{ type: 'group' as const, label: '恢复已删除的表格、图表', children: removed.map((b, i) => ({ key: `r${i}`, label: blockName(b) })) }]
      : []),
  ];
  const insert: MenuProps['onClick'] = ({ key }) => {
    // Under a heading the new block opens its section; elsewhere it follows the block.
    const spec = NEW_BLOCKS[key];
    if (spec) return onBlocks(insertAfter(blocks, index, spec.make()));
    const back = removed[Number(key.slice(1))];
    if (!back) return undefined;
    onRemoved(removed.filter((b) => b !== back));
    return onBlocks(insertAfter(blocks, index, [back]));
  };
  const what = isAttachment ? '本附件（含其全部内容）' : section ? `本节（含其下${end - start - 1}块内容）` : '此块';
  return (
    <div className="doc-structure" data-testid="doc-structure">
      {movable && (
        <>
          <Tooltip title={section ? '本节上移' : '上移'}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label="上移" disabled={same(up)} onClick={() => onBlocks(up)} />
          </Tooltip>
          <Tooltip title={section ? '本节下移' : '下移'}>
            <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label="下移" disabled={same(down)} onClick={() => onBlocks(down)} />
          </Tooltip>
        </>
      )}
      <Popconfirm title={`删除${what}？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={remove}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" data-testid="doc-block-delete" />
      </Popconfirm>
      {movable && (
        <Dropdown menu={{ items, onClick: insert }} trigger={['click']}>
          <Button size="small" type="text" icon={<PlusOutlined />} aria-label="在下方插入" data-testid="doc-block-insert" />
        </Dropdown>
      )}
    </div>
  );
}
