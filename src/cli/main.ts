/**
 * The `yingshang` command line: a thin dispatcher. Each command lives in its own file under
 * ./commands/NAME.command.ts and exports `run(args)` returning the process exit code; commands are
 * loaded lazily so `yingshang parse` never pays for the server's imports.
 */
import { installNodeAdapters } from '../adapters/node-adapters.ts';

const COMMANDS: Record<string, { file: string; summary: string }> = {
  serve: { file: 'serve', summary: '启动服务 (Start the HTTP server and web app)' },
  migrate: { file: 'migrate', summary: '执行数据库迁移 (Apply database migrations)' },
  demo: { file: 'demo', summary: '载入演示数据 [--reset] (Load demo data)' },
  init: { file: 'init', summary: '创建首个管理员 [--login L] [--password P] [--region NAME --level city]' },
  user: { file: 'user', summary: 'user add|disable|enable|reset-password|unlock — 管理用户' },
  parse: { file: 'parse', summary: 'parse FILE — 解析方案文件并输出 JSON 草稿' },
  evaluate: { file: 'evaluate', summary: 'evaluate FILE — 按评价方法计算得分与排名' },
  backup: { file: 'backup', summary: 'backup FILE [--server URL] — 备份数据库（PostgreSQL: pg_dump；嵌入式: 数据目录）' },
  restore: { file: 'restore', summary: 'restore FILE — 把备份恢复到空的数据库或数据目录' },
  report: { file: 'report', summary: 'report KIND --plan ID --period P --out FILE — 生成公文 DOCX/PDF 或责任分工表 XLSX' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['用法 (usage): yingshang <command> [options]', '', ...lines].join('\n');
}

/** Runs one CLI command and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`未知命令 (unknown command): ${name}\n\n${usage()}`);
    return 2;
  }
  installNodeAdapters();
  const mod = (await import(`./commands/${command.file}.command.ts`)) as { run: (args: string[]) => Promise<number> };
  return mod.run(rest);
}
