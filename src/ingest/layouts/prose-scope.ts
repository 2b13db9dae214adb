/**
 * What part of a prose document holds its tasks: the annex that follows the body (its numbering
 * restarts; it is the task list only when the body has none), sections that frame a plan rather
 * than assign work (适用范围, 工作目标, 保障措施 …), the closing articles of a 若干措施 document
 * (施行/解释/附则), and the closing lines of a notice (请…报送, 联系人, signature, date).
 * General rules on wording every plan uses, never tied to one document.
 */

// `附件`, `附件1`, `附件：重点任务清单`, `附件 2：…` at the start of a line.
const ANNEX = /^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[：:].*)?$/u;

/** True when the line opens an annex. */
export function isAnnexHeading(line: string): boolean {
  return ANNEX.test(line) && line.trim().length <= 60;
}

// Section titles whose items frame the plan: they are tasks only when they carry unit parentheses.
const FRAME_TITLE = /^(?:适用范围|指导思想|总体要求|总体思路|工作目标|主要目标|目标任务|基本原则|工作原则|职责分工|任务分工|保障措施|组织保障|保障机制|工作保障|工作要求|组织实施|实施步骤|工作步骤|进度安排|时间安排|附则|其他事项|有关要求|工作机制)/u;

/** True when a section title names a part that frames the plan instead of assigning work. */
export function isFrameSection(title: string): boolean {
  return FRAME_TITLE.test(title.replace(/\s+/g, ''));
}

// The closing articles of a measures document: entry into force, interpretation, 附则, and a
// directive to implement "this document" or "the measures" as a whole.
const CLOSING = /(?:自\S{0,12}(?:印发|发布|公布)之日起(?:施行|实施|执行)|起施行|负责解释|有效期至|^附则|本(?:措施|政策|方案|意见|办法|通知|规定)[^。]*(?:施行|实施|执行|解释)|各项(?:措施|政策)落(?:地|实)见效)/u;

/** True when an item without units is a closing article rather than a measure. */
export function isClosingArticle(text: string): boolean {
  return CLOSING.test(text.replace(/\s+/g, ''));
}

const SIGNATURE_SUFFIX = /(?:人民政府|办公室|办公厅|委员会|领导小组|协调小组|局|厅|委|院|中心)$/u;
const DATE_LINE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/u;
const CLOSING_LINE = /^\s*(?:请(?:各|于|在)|联系人|联系电话|特此通知|此复|抄送|印发)/u;

/**
 * True when a line after a finished item starts the document's closing part (a request to report,
 * contact line, signature or date), so it is not appended to the item. A signature is a short line
 * of agency names without punctuation.
 */
export function isClosingLine(line: string): boolean {
  const t = line.trim();
  if (DATE_LINE.test(t) || CLOSING_LINE.test(t)) return true;
  const names = t.split(/[\s\u3000]+/u).filter((x) => x !== '');
  return t.length <= 80 && !/[，。；、：:,.;（）()“”]/u.test(t) && names.length > 0 && names.every((n) => SIGNATURE_SUFFIX.test(n));
}
