import { z } from 'zod';
import { RegionRef, UnitRefSchema } from './common.schema.ts';

export const LoginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const MeSchema = z.object({
  id: z.number(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'office', 'leader', 'unit']),
  roleName: z.string(),
  region: RegionRef,
  unit: UnitRefSchema.nullable(),
  mustChangePassword: z.boolean().describe('须先修改初始密码，其他操作均被拒绝'),
  permissions: z.object({
    managePlans: z.boolean(), manageUsers: z.boolean(), confirmExtensions: z.boolean().describe('单位负责人：可确认本单位的延期申请'),
    administer: z.boolean().describe('管理员：系统管理（区域、单位、用户批量导入）'),
  }),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
