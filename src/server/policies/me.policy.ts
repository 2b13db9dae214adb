/**
 * What the signed-in user may do across the platform (sent with `/api/me` as `permissions`): the
 * menus and screens the UI offers. Each answer comes from the policy that enforces it on the server,
 * so the web never derives a rule from the role.
 */
import type { Actor, Role } from '../auth/actor.ts';
import { mayReadAuditLog } from './activity.policy.ts';
import { mayManageAssessment, mayReadAssessment } from './assessment.policy.ts';
import { mayReadDocuments, mayWriteDocuments } from './document.policy.ts';
import { mayImport } from './import.policy.ts';
import { mayFileReports, mayReadReviewQueue } from './report.policy.ts';
import { mayConfirmExtension, mayReadLights, maySupervise } from './supervision.policy.ts';
import { mayInstruct } from './instruction.policy.ts';
import { mayManageCases } from './case.policy.ts';
import { grantableRoles, mayAdminister, mayManageUsers } from './user.policy.ts';

export interface GlobalPermissions {
  /** 导入方案, 修改任务和督办设置 (offices). */
  managePlans: boolean;
  /** 用户 (administrators and offices). */
  manageUsers: boolean;
  /** 确认延期申请 (the head of a unit). */
  confirmExtensions: boolean;
  /** 系统管理 (administrators): their menu is the platform's, not the plans'. */
  administer: boolean;
  /** 我的任务: files progress reports for a unit. */
  fileReports: boolean;
  /** 审核 of consolidated reports, 催办, 办结 (offices). */
  reviewReports: boolean;
  /** The queue of reports awaiting review, to read (offices and leaders). */
  readReviewQueue: boolean;
  /** 预警 (not units). */
  readLights: boolean;
  /** 评价 (offices and leaders) and its maintenance (offices). */
  readAssessment: boolean;
  manageAssessment: boolean;
  /** 公文 and 责任分工表 (not units) and their writing (offices). */
  readDocuments: boolean;
  writeDocuments: boolean;
  /** 审计日志 (offices). */
  readAuditLog: boolean;
  /** 领导批示: writes instructions on tasks, reports and documents (leaders and offices). */
  writeInstructions: boolean;
  /** 问题: registers, assigns, reviews and closes cases, sees enterprises' contacts (offices). */
  manageCases: boolean;
  /** The roles the user may give to an account. */
  grantRoles: Role[];
}

/** The actor's global permissions. */
export function globalPermissions(actor: Actor): GlobalPermissions {
  return {
    managePlans: mayImport(actor),
    manageUsers: mayManageUsers(actor),
    confirmExtensions: actor.unit !== null && mayConfirmExtension(actor, { unitId: actor.unit.id }),
    administer: mayAdminister(actor),
    fileReports: mayFileReports(actor),
    reviewReports: maySupervise(actor),
    readReviewQueue: mayReadReviewQueue(actor),
    readLights: mayReadLights(actor),
    readAssessment: mayReadAssessment(actor),
    manageAssessment: mayManageAssessment(actor),
    readDocuments: mayReadDocuments(actor),
    writeDocuments: mayWriteDocuments(actor),
    readAuditLog: mayReadAuditLog(actor),
    writeInstructions: mayInstruct(actor),
    manageCases: mayManageCases(actor),
    grantRoles: grantableRoles(actor),
  };
}
