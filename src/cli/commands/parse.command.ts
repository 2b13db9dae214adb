/**
 * `yingshang parse FILE`: parses a plan document and prints the draft as JSON (pretty, Chinese
 * written literally). On failure prints one line to stderr — code, Chinese message, file — and
 * returns non-zero, so scripts can branch on the exit code and people can read the reason.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isAppError } from '../../domain/errors.ts';
import { parseDocument } from '../../ingest/index.ts';
import { MAX_DOCUMENT_BYTES } from '../../ingest/readers/index.ts';

/** Runs the parse command; returns the process exit code. */
export async function run(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('用法 (usage): yingshang parse FILE\n');
    return 2;
  }
  try {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      process.stderr.write(`PLAN_IMPORT_NOT_FOUND 找不到文件或不是普通文件 (${file})\n`);
      return 1;
    }
    if (info.size > MAX_DOCUMENT_BYTES) {
      process.stderr.write(`PLAN_IMPORT_TOO_LARGE 文件超过 50 MB 上限，无法导入 (${file})\n`);
      return 1;
    }
    const bytes = new Uint8Array(await readFile(file));
    const draft = await parseDocument({ bytes, fileName: basename(file) });
    process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      process.stderr.write(`${e.code} ${e.message.replace(/\s*\n\s*/g, ' ')} (${file})\n`);
      return 1;
    }
    const why = e instanceof Error ? e.message : String(e);
    process.stderr.write(`PLAN_IMPORT_FAILED 解析失败：${why.split('\n')[0] ?? ''} (${file})\n`);
    return 1;
  }
}
