/**
 * What a production start checks before serving: it never loads demo data, and it refuses a
 * database holding demo accounts (whose password is public) unless explicitly allowed.
 */
import type { Db } from '../../db/client.ts';
import { demoAccounts, userCount } from '../../db/demo/demo-accounts.ts';

export type ProductionCheck =
  | { ok: true; messages: string[] }
  | { ok: false; messages: string[] };

/** Checks a database for a production start; `allowDemoAccounts` lets it serve them anyway. */
export async function checkProductionStart(db: Db, allowDemoAccounts: boolean): Promise<ProductionCheck> {
  const found = await demoAccounts(db);
  if (found.length > 0) {
    const list = `${found.slice(0, 8).join('、')}${found.length > 8 ? ` 等 ${found.length} 个` : ''}`;
    if (!allowDemoAccounts) {
      return {
        ok: false,
        messages: [
          `拒绝以正式模式启动：数据库中有演示账号（${list}），其密码是公开的。`,
          '请改用一个新的数据库，或用 `npm start` 运行演示；确需保留这些账号时，加 --allow-demo-accounts 或设置 ALLOW_DEMO_ACCOUNTS=true。',
        ],
      };
    }
    return { ok: true, messages: [`警告：数据库中有演示账号（${list}），已按 --allow-demo-accounts / ALLOW_DEMO_ACCOUNTS 继续启动。`] };
  }
  if ((await userCount(db)) === 0) {
    return { ok: true, messages: ['数据库中还没有任何账号：运行 `npx yingshang init` 创建第一个管理员。'] };
  }
  return { ok: true, messages: [] };
}
