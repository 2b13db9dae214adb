/**
 * `yingshang evaluate FILE`: reads {"methodology", "places", "groups"} JSON, prints scores and
 * ranks as JSON (unrounded). Bad input exits 1 with one line on stderr: CODE: 中文说明 (key.path).
 * Ranks: places among places and groups among groups, by overall score (higher first, ties share
 * a rank, ties listed by id); a place without all overall topics has overall null and rank null.
 */
import { readFile } from 'node:fs/promises';
import { isAppError } from '../../domain/errors.ts';
import { EVALUATION_ERRORS, evaluationError } from '../../evaluation/errors.ts';
import { evaluate } from '../../evaluation/evaluate.ts';
import { validateEvaluationInput } from '../../evaluation/evaluation-input.ts';

const USAGE = '用法 (usage): yingshang evaluate FILE.json';

async function readInput(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw evaluationError(EVALUATION_ERRORS.fileUnreadable, `无法读取输入文件 ${file}：${reason}`, file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw evaluationError(EVALUATION_ERRORS.notJson, `输入文件 ${file} 不是有效的 JSON：${reason}`, file);
  }
}

/** Runs `evaluate FILE`; returns 0 on success, 1 on bad input, 2 on bad usage. */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = args;
  if (!file || extra.length > 0) {
    process.stderr.write(`${EVALUATION_ERRORS.usage}: 需要且只需要一个输入文件 (${USAGE})\n`);
    return 2;
  }
  try {
    const result = evaluate(validateEvaluationInput(await readInput(file)));
    process.stdout.write(`${JSON.stringify({ places: result.places, groups: result.groups }, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    process.stderr.write(`${e.code}: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}
