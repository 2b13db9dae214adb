/**
 * The error catalogue: every stable code the platform throws — use cases, policies, engines
 * (ingest, evaluation, reports) and the database layer — with its kind and default Chinese
 * message. Transport-free: the HTTP server maps each kind to a status once, at its edge
 * (src/server/errors.ts); the CLI prints code and message. Clients branch on `code`; people read
 * `message`. Browser-safe (no imports), so the web may take the code union from here.
 */

/** What kind of failure a code is; the edge maps it to a transport status. */
export type ErrorKind =
  | 'invalid' // the request or file the client sent is wrong (400)
  | 'unauthenticated' // no or wrong credentials (401)
  | 'forbidden' // signed in, not allowed (403)
  | 'not_found' // no such record, or not visible to this user (404)
  | 'conflict' // the record's state does not allow it (409)
  | 'too_large' // (413)
  | 'unsupported_type' // (415)
  | 'locked' // (423)
  | 'rate_limited' // (429)
  | 'internal' // a fault of the server (500)
  | 'unavailable' // the server lacks something it needs: a tool, a font, capacity (503)
  | 'insufficient_storage'; // (507)

export const ERROR_CATALOGUE = {
  AUTH_REQUIRED: ['unauthenticated', '请先登录'],
  AUTH_INVALID_CREDENTIALS: ['unauthenticated', '用户名或密码错误'],
  AUTH_LOCKED: ['locked', '登录失败次数过多，账号已临时锁定，请稍后再试'],
  AUTH_RATE_LIMITED: ['rate_limited', '登录尝试过于频繁，请稍后再试'],
  FORBIDDEN: ['forbidden', '没有权限执行此操作'],
  PASSWORD_TOO_WEAK: ['invalid', '密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不能过于常见，不能包含登录名'],
  CROSS_SITE_REFUSED: ['forbidden', '已拒绝来自其他网站的请求'],
  WEBHOOK_TARGET_FORBIDDEN: ['invalid', 'Webhook 地址指向内网或本机，不允许使用'],
  EDIT_CONFLICT: ['conflict', '内容已被他人修改，请刷新后再保存'],
  VALIDATION_FAILED: ['invalid', '请求参数不正确'],
  BAD_JSON: ['invalid', '请求体不是有效的 JSON'],
  NUL_CHARACTER: ['invalid', '请求中含有不允许的空字符（U+0000）'],
  UNSUPPORTED_MEDIA_TYPE: ['unsupported_type', '不支持的请求内容类型'],
  PAYLOAD_TOO_LARGE: ['too_large', '请求内容过大'],
  NOT_FOUND: ['not_found', '请求的资源不存在'],
  PLAN_NOT_FOUND: ['not_found', '方案不存在'],
  TASK_NOT_FOUND: ['not_found', '任务不存在'],
  UNIT_NOT_FOUND: ['not_found', '单位不存在'],
  REGION_NOT_FOUND: ['not_found', '区域不存在'],
  USER_LOGIN_TAKEN: ['conflict', '该登录名已被使用'],
  USER_NOT_FOUND: ['not_found', '用户不存在'],
  USER_SELF_CHANGE: ['conflict', '不能停用自己的账号或取消自己的管理员身份'],
  USER_IMPORT_INVALID: ['invalid', '导入文件中有不正确的行，未写入任何用户'],
  USER_IMPORT_UNREADABLE: ['invalid', '无法读取导入文件，请使用下载的 XLSX 模板'],
  AUTH_DISABLED: ['forbidden', '账号已停用，请联系管理员'],
  PASSWORD_CHANGE_REQUIRED: ['forbidden', '请先修改初始密码后再继续使用'],
  SETUP_ALREADY_DONE: ['conflict', '数据库中已有用户，不能再次初始化'],
  DATA_DIR_LOCKED: ['conflict', '数据目录正被其他进程使用'],
  REPORT_NOT_FOUND: ['not_found', '进展报告不存在'],
  REPORT_ALREADY_SUBMITTED: ['conflict', '本期报告已提交，正在等待审核，审核前不能再次提交'],
  REPORT_NOT_EDITABLE: ['conflict', '已提交的报告不能修改，如需更正请提交新版本'],
  REPORT_NOT_SUBMITTED: ['conflict', '只有已提交的报告可以审核'],
  PERIOD_INVALID: ['invalid', '报告期不正确'],
  COMMENT_REQUIRED: ['invalid', '退回或不同意时必须填写意见'],
  IDEMPOTENCY_CONFLICT: ['conflict', '同一幂等键已用于另一份报告'],
  ATTACHMENT_NOT_FOUND: ['not_found', '附件不存在'],
  ATTACHMENT_TOO_LARGE: ['too_large', '附件超过大小限制（单个文件不超过 20 MB）'],
  ATTACHMENT_QUOTA_EXCEEDED: ['too_large', '佐证材料已达存储上限，无法再上传'],
  ATTACHMENT_TYPE_NOT_ALLOWED: ['unsupported_type', '不支持的附件类型（可上传 PDF、图片、Word、Excel、压缩包）'],
  TASK_ALREADY_COMPLETED: ['conflict', '任务已办结'],
  EXTENSION_NOT_FOUND: ['not_found', '延期申请不存在'],
  EXTENSION_AFTER_DEADLINE: ['conflict', '已超过完成时限，不能再申请延期'],
  EXTENSION_NOT_PENDING: ['conflict', '该延期申请不在待处理状态'],
  EXTENSION_DATE_INVALID: ['invalid', '延期后的时限必须晚于原时限'],
  URGE_NOT_FOUND: ['not_found', '催办或督办记录不存在'],
  NOTIFICATION_NOT_FOUND: ['not_found', '消息不存在'],
  IMPORT_NOT_FOUND: ['not_found', '导入记录不存在'],
  IMPORT_NOT_DRAFT: ['conflict', '该导入已提交或已放弃，不能再修改'],
  IMPORT_MAPPING_INVALID: ['invalid', '单位对应关系不正确'],
  IMPORT_NO_TARGET_PLAN: ['conflict', '该导入不是对已有方案的重新导入，请使用“提交”'],
  IMPORT_CHANGE_UNKNOWN: ['conflict', '所选变更与当前差异不符，请刷新后重试'],
  IMPORT_SEQ_CONFLICT: ['conflict', '应用后任务序号重复，请同时应用相关任务的变更'],
  IMPORT_TASK_HAS_REPORTS: ['conflict', '要删除的任务已有进展报告，确认删除请选择强制删除'],
  PLAN_DRAFT_INVALID: ['invalid', '方案草稿格式不正确'],
  PLAN_IMPORT_TOO_LARGE: ['too_large', '文件超过大小上限，无法导入'],
  PLAN_IMPORT_UNSUPPORTED_FORMAT: ['unsupported_type', '不支持的文件格式（可导入 PDF、Word、Excel、文本、Markdown）'],
  REGION_NAME_TAKEN: ['conflict', '上级区域下已有同名区域'],
  UNIT_ALIAS_TAKEN: ['conflict', '该简称已被本区域的其他单位使用'],
  ASSESSMENT_ROUND_NOT_FOUND: ['not_found', '评价轮次不存在'],
  ASSESSMENT_ROUND_TITLE_TAKEN: ['conflict', '本方案已有同名的评价轮次'],
  ASSESSMENT_RANK_INVALID: ['invalid', '排名不正确'],
  ASSESSMENT_SUBJECT_UNKNOWN: ['invalid', '指标或地区不属于本方案'],
  ASSESSMENT_IMPORT_UNREADABLE: ['invalid', '无法读取导入文件，请使用下载的 XLSX 模板'],
  ASSESSMENT_IMPORT_INVALID: ['invalid', '导入文件中有不正确的单元格，未写入任何数据'],
  ASSESSMENT_IMPORT_TOO_COMPLEX: ['invalid', '导入文件超出解析限制（大小、单元格数、内存或时间），未写入任何数据'],
  FILE_PARSE_BUSY: ['unavailable', '服务器正在解析其他文件，请稍后再试'],
  DISK_SPACE_LOW: ['insufficient_storage', '服务器磁盘空间不足，暂停保存新数据，请联系管理员'],
  DOCUMENT_NOT_FOUND: ['not_found', '公文不存在'],
  DOCUMENT_ALREADY_ISSUED: ['conflict', '公文已印发，不能再修改、重新生成或删除'],
  DOCUMENT_DATA_MISSING: ['invalid', '生成该类公文所需的数据不足'],
  DOCUMENT_INCOMPLETE: ['conflict', '文稿中还有【待补充】的内容，请补充或删除后再印发'],
  DOCUMENT_PDF_UNAVAILABLE: ['conflict', '服务器未安装 LibreOffice，无法生成 PDF，请下载 DOCX'],
  REPORT_DOCUMENT_INVALID: ['invalid', '文稿格式不正确'],
  PRACTICE_NOTE_NOT_FOUND: ['not_found', '典型做法不存在'],
  BACKUP_UNAVAILABLE: ['conflict', '本服务使用 PostgreSQL：请在服务器上用 yingshang backup FILE（pg_dump）备份'],
  BAD_REQUEST: ['invalid', '请求格式不正确'],
  // Plan import (src/ingest): about the file the client sent, except a server without LibreOffice.
  PLAN_IMPORT_EMPTY: ['invalid', '文件是空的，没有任何内容'],
  PLAN_IMPORT_CORRUPT: ['invalid', '文件已损坏或格式不正确，无法读取'],
  PLAN_IMPORT_ENCRYPTED: ['invalid', '文件设置了密码保护，无法读取'],
  PLAN_IMPORT_OCR_UNSUPPORTED: ['invalid', '该 PDF 没有文字层（可能是扫描件），暂不支持 OCR 识别'],
  PLAN_IMPORT_TIMEOUT: ['invalid', '文件解析超时，文件可能已损坏或过于复杂'],
  PLAN_IMPORT_TOO_COMPLEX: ['invalid', '文件超出解析限制（大小、单元格数、内存或时间）'],
  PLAN_IMPORT_UNREADABLE: ['invalid', '无法读取该文件'],
  PLAN_IMPORT_NOT_A_PLAN: ['invalid', '该文件不是实施方案'],
  PLAN_IMPORT_NO_LAYOUT: ['invalid', '没有识别出方案的任务结构'],
  PLAN_IMPORT_LEGACY_UNSUPPORTED: ['unavailable', '服务器未安装 LibreOffice，无法读取旧版 Word/WPS 文件，请另存为 .docx 后再上传'],
  // Evaluation (src/evaluation): about the input or rules the client sent.
  EVALUATION_FILE_UNREADABLE: ['invalid', '无法读取评价数据文件'],
  EVALUATION_INPUT_NOT_JSON: ['invalid', '评价数据不是有效的 JSON'],
  EVALUATION_INPUT_INVALID: ['invalid', '评价数据格式不正确'],
  EVALUATION_UNKNOWN_METHODOLOGY: ['invalid', '未知的评价方法'],
  EVALUATION_UNKNOWN_TOPIC: ['invalid', '未知的评价指标'],
  EVALUATION_UNKNOWN_COMPONENT: ['invalid', '未知的评价分项'],
  EVALUATION_MISSING_VALUE: ['invalid', '评价数据缺少取值'],
  EVALUATION_UNKNOWN_TEXT_VALUE: ['invalid', '评价数据中有无法识别的文字取值'],
  EVALUATION_DUPLICATE_ID: ['invalid', '评价数据中有重复的编号'],
  EVALUATION_UNKNOWN_MEMBER: ['invalid', '评价数据中有未知的成员'],
  EVALUATION_METHODOLOGY_INVALID: ['invalid', '评价方法数据无效'],
  EVALUATION_RULES_INVALID: ['invalid', '评价规则数据无效'],
  EVALUATION_USAGE: ['invalid', '评价命令的参数不正确'],
  // Reports (src/reports): a chart needs a CJK font the server does not have — a server fault.
  REPORT_FONT_MISSING: ['unavailable', '服务器缺少中文字体，无法生成图表，请联系管理员安装字体'],
  // Backup and restore (src/db).
  BACKUP_FAILED: ['internal', '备份失败'],
  BACKUP_TOOL_MISSING: ['unavailable', '服务器未安装备份工具（pg_dump/pg_restore）'],
  BACKUP_UNREADABLE: ['invalid', '无法读取备份文件'],
  RESTORE_TARGET_NOT_EMPTY: ['conflict', '目标数据库不是空的，恢复不会覆盖已有数据'],
  RENDER_BUSY: ['unavailable', '服务器正在生成其他公文，请稍后再试'],
  INSTRUCTION_NOT_FOUND: ['not_found', '领导批示不存在'],
  CASE_NOT_FOUND: ['not_found', '问题不存在'],
  CASE_STATE_INVALID: ['conflict', '问题当前状态下不能执行该操作'],
  CASE_IMPORT_INVALID: ['invalid', '导入文件中有不正确的行，未写入任何问题'],
  CASE_IMPORT_UNREADABLE: ['invalid', '无法读取导入文件（可导入 XLSX、CSV 或含表格的 DOCX）'],
  INTERNAL: ['internal', '服务器内部错误，请稍后再试'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

/** Every catalogued code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when `code` is in the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

/** The kind of a code; an uncatalogued one (which the catalogue test forbids) is internal. */
export function errorKind(code: string): ErrorKind {
  return isErrorCode(code) ? ERROR_CATALOGUE[code][0] : 'internal';
}

/** The default Chinese message of a code. */
export function errorMessage(code: ErrorCode): string {
  return ERROR_CATALOGUE[code][1];
}
