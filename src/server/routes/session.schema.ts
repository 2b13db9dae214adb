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
    managePlans: z.boolean().describe('优化办：导入方案、修改任务与督办设置'),
    manageUsers: z.boolean().describe('管理用户（管理员、优化办）'),
    confirmExtensions: z.boolean().describe('单位负责人：可确认本单位的延期申请'),
    administer: z.boolean().describe('管理员：系统管理（区域、单位、用户批量导入）'),
    fileReports: z.boolean().describe('单位用户：我的任务、填报进展'),
    reviewReports: z.boolean().describe('优化办：审核汇总报告、催办督办、办结审核'),
    readReviewQueue: z.boolean().describe('查看待审核的汇总报告（非单位用户）'),
    readLights: z.boolean().describe('预警（优化办、领导）'),
    readAssessment: z.boolean().describe('评价（优化办、领导）'),
    manageAssessment: z.boolean().describe('维护评价数据（优化办）'),
    readDocuments: z.boolean().describe('公文、责任分工表（优化办、领导）'),
    writeDocuments: z.boolean().describe('起草、印发公文与典型做法（优化办）'),
    readAuditLog: z.boolean().describe('审计日志（优化办）'),
    writeInstructions: z.boolean().describe('领导批示：对任务、报告、公文作出批示（领导、优化办）'),
    manageCases: z.boolean().describe('问题：登记、交办、审核、销号，查看企业联系方式（优化办）'),
    grantRoles: z.array(z.enum(['admin', 'office', 'leader', 'unit'])).describe('可授予账号的角色'),
  }).describe('当前用户的全局权限（菜单与页面）'),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
