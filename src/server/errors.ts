/**
 * The error catalogue: every stable code the API returns, its HTTP status and its default Chinese
 * message. Clients branch on `code`; people read `message`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../domain/errors.ts';
import { pathSegments, validationSentence } from '../domain/labels-validation.ts';

export const ERROR_CATALOGUE = {
  AUTH_REQUIRED: [401, '请先登录'],
  AUTH_INVALID_CREDENTIALS: [401, '用户名或密码错误'],
  AUTH_LOCKED: [423, '登录失败次数过多，账号已临时锁定，请稍后再试'],
  AUTH_RATE_LIMITED: [429, '登录尝试过于频繁，请稍后再试'],
  FORBIDDEN: [403, '没有权限执行此操作'],
  PASSWORD_TOO_WEAK: [400, '密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不能过于常见，不能包含登录名'],
  CROSS_SITE_REFUSED: [403, '已拒绝来自其他网站的请求'],
  WEBHOOK_TARGET_FORBIDDEN: [400, 'Webhook 地址指向内网或本机，不允许使用'],
  EDIT_CONFLICT: [409, '内容已被他人修改，请刷新后再保存'],
  VALIDATION_FAILED: [400, '请求参数不正确'],
  BAD_JSON: [400, '请求体不是有效的 JSON'],
  NUL_CHARACTER: [400, '请求中含有不允许的空字符（U+0000）'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的请求内容类型'],
  PAYLOAD_TOO_LARGE: [413, '请求内容过大'],
  NOT_FOUND: [404, '请求的资源不存在'],
  PLAN_NOT_FOUND: [404, '方案不存在'],
  TASK_NOT_FOUND: [404, '任务不存在'],
  UNIT_NOT_FOUND: [404, '单位不存在'],
  REGION_NOT_FOUND: [404, '区域不存在'],
  USER_LOGIN_TAKEN: [409, '该登录名已被使用'],
  USER_NOT_FOUND: [404, '用户不存在'],
  USER_SELF_CHANGE: [409, '不能停用自己的账号或取消自己的管理员身份'],
  USER_IMPORT_INVALID: [400, '导入文件中有不正确的行，未写入任何用户'],
  USER_IMPORT_UNREADABLE: [400, '无法读取导入文件，请使用下载的 XLSX 模板'],
  AUTH_DISABLED: [403, '账号已停用，请联系管理员'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改初始密码后再继续使用'],
  SETUP_ALREADY_DONE: [409, '数据库中已有用户，不能再次初始化'],
  DATA_DIR_LOCKED: [409, '数据目录正被其他进程使用'],
  REPORT_NOT_FOUND: [404, '进展报告不存在'],
  REPORT_ALREADY_SUBMITTED: [409, '本期报告已提交，正在等待审核，审核前不能再次提交'],
  REPORT_NOT_EDITABLE: [409, '已提交的报告不能修改，如需更正请提交新版本'],
  REPORT_NOT_SUBMITTED: [409, '只有已提交的报告可以审核'],
  PERIOD_INVALID: [400, '报告期不正确'],
  COMMENT_REQUIRED: [400, '退回或不同意时必须填写意见'],
  IDEMPOTENCY_CONFLICT: [409, '同一幂等键已用于另一份报告'],
  ATTACHMENT_NOT_FOUND: [404, '附件不存在'],
  ATTACHMENT_TOO_LARGE: [413, '附件超过大小限制（单个文件不超过 20 MB）'],
  ATTACHMENT_QUOTA_EXCEEDED: [413, '佐证材料已达存储上限，无法再上传'],
  ATTACHMENT_TYPE_NOT_ALLOWED: [415, '不支持的附件类型（可上传 PDF、图片、Word、Excel、压缩包）'],
  TASK_ALREADY_COMPLETED: [409, '任务已办结'],
  EXTENSION_NOT_FOUND: [404, '延期申请不存在'],
  EXTENSION_AFTER_DEADLINE: [409, '已超过完成时限，不能再申请延期'],
  EXTENSION_NOT_PENDING: [409, '该延期申请不在待处理状态'],
  EXTENSION_DATE_INVALID: [400, '延期后的时限必须晚于原时限'],
  URGE_NOT_FOUND: [404, '催办或督办记录不存在'],
  NOTIFICATION_NOT_FOUND: [404, '消息不存在'],
  IMPORT_NOT_FOUND: [404, '导入记录不存在'],
  IMPORT_NOT_DRAFT: [409, '该导入已提交或已放弃，不能再修改'],
  IMPORT_MAPPING_INVALID: [400, '单位对应关系不正确'],
  IMPORT_NO_TARGET_PLAN: [409, '该导入不是对已有方案的重新导入，请使用“提交”'],
  IMPORT_CHANGE_UNKNOWN: [409, '所选变更与当前差异不符，请刷新后重试'],
  IMPORT_SEQ_CONFLICT: [409, '应用后任务序号重复，请同时应用相关任务的变更'],
  IMPORT_TASK_HAS_REPORTS: [409, '要删除的任务已有进展报告，确认删除请选择强制删除'],
  PLAN_DRAFT_INVALID: [400, '方案草稿格式不正确'],
  PLAN_IMPORT_TOO_LARGE: [413, '文件超过大小上限，无法导入'],
  PLAN_IMPORT_UNSUPPORTED_FORMAT: [415, '不支持的文件格式（可导入 PDF、Word、Excel、文本、Markdown）'],
  REGION_NAME_TAKEN: [409, '上级区域下已有同名区域'],
  UNIT_ALIAS_TAKEN: [409, '该简称已被本区域的其他单位使用'],
  ASSESSMENT_ROUND_NOT_FOUND: [404, '评价轮次不存在'],
  ASSESSMENT_ROUND_TITLE_TAKEN: [409, '本方案已有同名的评价轮次'],
  ASSESSMENT_RANK_INVALID: [400, '排名不正确'],
  ASSESSMENT_SUBJECT_UNKNOWN: [400, '指标或地区不属于本方案'],
  ASSESSMENT_IMPORT_UNREADABLE: [400, '无法读取导入文件，请使用下载的 XLSX 模板'],
  ASSESSMENT_IMPORT_INVALID: [400, '导入文件中有不正确的单元格，未写入任何数据'],
  ASSESSMENT_IMPORT_TOO_COMPLEX: [400, '导入文件超出解析限制（大小、单元格数、内存或时间），未写入任何数据'],
  FILE_PARSE_BUSY: [503, '服务器正在解析其他文件，请稍后再试'],
  DISK_SPACE_LOW: [507, '服务器磁盘空间不足，暂停保存新数据，请联系管理员'],
  DOCUMENT_NOT_FOUND: [404, '公文不存在'],
  DOCUMENT_ALREADY_ISSUED: [409, '公文已印发，不能再修改、重新生成或删除'],
  DOCUMENT_DATA_MISSING: [400, '生成该类公文所需的数据不足'],
  DOCUMENT_INCOMPLETE: [409, '文稿中还有【待补充】的内容，请补充或删除后再印发'],
  DOCUMENT_PDF_UNAVAILABLE: [409, '服务器未安装 LibreOffice，无法生成 PDF，请下载 DOCX'],
  REPORT_DOCUMENT_INVALID: [400, '文稿格式不正确'],
  PRACTICE_NOTE_NOT_FOUND: [404, '典型做法不存在'],
  BACKUP_UNAVAILABLE: [409, '本服务使用 PostgreSQL：请在服务器上用 yingshang backup FILE（pg_dump）备份'],
  INTERNAL: [500, '服务器内部错误，请稍后再试'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Builds an AppError for a catalogued code, with the catalogue's message unless one is given. */
export function appError(code: ErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message ?? ERROR_CATALOGUE[code][1], details);
}

function statusOf(code: string): number {
  const entry = (ERROR_CATALOGUE as Record<string, readonly [number, string]>)[code];
  if (entry) return entry[0];
  // Engine codes (PLAN_IMPORT_*, EVALUATION_*) are about the input the client sent.
  return 400;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

const CONTEXT_WORDS: Record<string, string> = { body: '提交的内容', querystring: '查询条件', params: '网址参数', headers: '请求头' };

/** Fastify error handler: every failure leaves as `{code, message[, details]}`, never a stack trace. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      where: `${error.validationContext ?? ''}${v.instancePath}`,
      message: validationSentence(pathSegments(v.instancePath), v.message ?? ''),
    }));
    void reply.status(400).send({ code: 'VALIDATION_FAILED', message: `${CONTEXT_WORDS[error.validationContext ?? ''] ?? '请求参数'}不正确：${details.map((d) => d.message).join('；')}`, details });
    return;
  }
  if (isAppError(error)) {
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    void reply.status(statusOf(error.code)).send(body);
    return;
  }
  const fastifyCode = (error as FastifyError).code;
  const mapped = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (mapped) {
    void reply.status(ERROR_CATALOGUE[mapped][0]).send({ code: mapped, message: ERROR_CATALOGUE[mapped][1] });
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    void reply.status(status).send({ code: 'VALIDATION_FAILED', message: ERROR_CATALOGUE.VALIDATION_FAILED[1] });
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send({ code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL[1] });
}
