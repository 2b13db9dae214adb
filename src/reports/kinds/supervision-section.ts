/**
 * 报送和督办情况 of a notice or review: units ranked by late reports, returned reports, tasks not
 * reported and 督办单 received, each with its change since the period before, then every 督办单 of
 * the period named with its reply. Figures come from the supervision record the product layer
 * builds from the supervision model; nothing here counts.
 */
import type { Block } from '../report-document.ts';
import type { OrderRecord, SupervisionRecord, UnitCounts, UnitRecord } from '../report-data.ts';
import { formatChineseDate, joinNames, para, tidyText } from './text-helpers.ts';

/** Units shown per list; the rest are counted. */
const SHOWN = 3;

const LISTS: readonly { key: keyof UnitCounts; what: string; unit: string }[] = [
  { key: 'late', what: '逾期报送进展', unit: '项' },
  { key: 'notReported', what: '有任务未报送进展', unit: '项' },
  { key: 'returned', what: '报告被退回', unit: '次' },
  { key: 'orders', what: '收到督办单', unit: '份' },
];

/** “较上月增加2项” / “较上月减少1项” / “与上月持平”. */
export function change(now: number, before: number, label: string, unit: string): string {
  if (now === before) return `与${label}持平`;
  return `较${label}${now > before ? '增加' : '减少'}${Math.abs(now - before)}${unit}`;
}

/** One ranked list as a sentence, or null when no unit has any. */
function rankedSentence(units: readonly UnitRecord[], list: (typeof LISTS)[number], label: string): string | null {
  const ranked = units.filter((u) => u[list.key] > 0).sort((a, b) => b[list.key] - a[list.key] || a.name.localeCompare(b.name, 'zh'));
  if (!ranked.length) return null;
  const total = ranked.reduce((s, u) => s + u[list.key], 0);
  const before = units.reduce((s, u) => s + u.previous[list.key], 0);
  const named = ranked.slice(0, SHOWN).map((u) => `${u.name}（${u[list.key]}${list.unit}，${change(u[list.key], u.previous[list.key], label, list.unit)}）`);
  const more = ranked.length > SHOWN ? `等${ranked.length}个单位` : '';
  return `${list.what}的有${joinNames(named)}${more}，共${total}${list.unit}，${change(total, before, label, list.unit)}`;
}

function orderSentence(o: OrderRecord): string {
  const head = `${o.number ? `${o.number}` : '督办单'}（${formatChineseDate(o.issuedOn)}）督办${o.unit}第${o.taskSeq}项任务`;
  if (o.repliedOn) {
    const reply = o.reply ? tidyText(o.reply).replace(/[。；，\s]+$/, '') : '';
    return `${head}，${o.unit}已于${formatChineseDate(o.repliedOn)}回复${reply ? `：“${reply.length > 60 ? `${reply.slice(0, 60)}……` : reply}”` : ''}`;
  }
  return `${head}，尚未回复${o.replyBy ? `（回复期限${formatChineseDate(o.replyBy)}）` : ''}`;
}

/** The section's paragraphs: the ranked lists, then the 督办单 of the period. */
export function supervisionSection(record: SupervisionRecord): Block[] {
  const lines = LISTS.map((l) => rankedSentence(record.units, l, record.previousLabel)).filter((s): s is string => s !== null);
  const blocks: Block[] = [para(lines.length ? `${lines.join('；')}。` : '本期各单位均按时报送进展，无报告被退回，未下发督办单。')];
  if (record.orders.length) {
    const replied = record.orders.filter((o) => o.repliedOn).length;
    blocks.push(para(`本期共下发督办单${record.orders.length}份，已回复${replied}份。${record.orders.map(orderSentence).join('；')}。`));
  }
  return blocks;
}
