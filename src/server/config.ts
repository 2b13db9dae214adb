/** Environment variables, validated once at start-up (a typo fails loudly instead of silently). */
import { isIP } from 'node:net';
import { z } from 'zod';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头').optional().or(z.literal('').transform(() => undefined)),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Server log level: warnings and errors by default; `debug` adds one line per request. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Failed logins of one account from one address before each further attempt must wait (1 s, doubling). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** Failed logins of one account from addresses it never signed in from, before those must wait. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  /** Failed logins from one address (any account) in 24 hours before it must wait. */
  LOGIN_RATE_PER_IP: z.coerce.number().int().positive().default(30),
  /** Longest wait the doubling delays reach, in minutes. */
  LOGIN_MAX_DELAY_MINUTES: z.coerce.number().positive().default(15),
  /**
   * Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs (e.g.
   * 127.0.0.1,10.0.0.0/8). Empty (the default): the header is ignored and the peer address counts.
   */
  TRUST_PROXY: z.string().default('').transform((v) => v.split(',').map((p) => p.trim()).filter((p) => p.length > 0))
    .pipe(z.array(z.string().refine((p) => isIP(p.split('/')[0] ?? '') !== 0 && /^[^/]+(\/\d{1,3})?$/.test(p), 'TRUST_PROXY 须为代理服务器的 IP 地址或 CIDR 网段列表（以逗号分隔），不能为 true 或 *'))),
  /** Largest plan document accepted by POST /api/imports, in MB. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(50).default(50),
  /** Parse processes for uploaded files (jobs parsed at once), each one's heap limit, a job's deadline, jobs allowed to wait. */
  PARSE_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  PARSE_MEMORY_MB: z.coerce.number().int().min(128).default(1024),
  PARSE_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  PARSE_QUEUE: z.coerce.number().int().min(0).default(8),
  /** Render threads for DOCX/XLSX documents and their charts (renders at once), each one's heap limit, renders allowed to wait. */
  RENDER_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  RENDER_MEMORY_MB: z.coerce.number().int().min(64).default(256),
  RENDER_QUEUE: z.coerce.number().int().min(0).default(32),
  /** Below this much free space (MB) on the data directory's disk, writes are refused and reads go on. */
  MIN_FREE_DISK_MB: z.coerce.number().min(0).default(512),
  /** Where evidence files are stored on disk (default with PGlite: DATA_DIR/files; with PostgreSQL: in the database). */
  FILES_DIR: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** Evidence quotas in MB: per unit, and all units together. */
  EVIDENCE_UNIT_QUOTA_MB: z.coerce.number().positive().default(2048),
  EVIDENCE_TOTAL_QUOTA_MB: z.coerce.number().positive().default(51200),
  /** Outbound e-mail for reminders: smtp://user:pass@host:port (smtps:// for TLS). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL 必须以 smtp:// 或 smtps:// 开头').optional().or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z.string().default('营商平台 <noreply@yingshang.local>'),
  /**
   * Origins besides the server's own address allowed to send state-changing requests (comma
   * separated, e.g. `https://yingshang.gov.cn`), for a reverse proxy that rewrites the Host header.
   */
  ALLOWED_ORIGINS: z.string().default('').transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /**
   * Webhook hosts allowed although they resolve to internal addresses (comma separated), e.g. an
   * internal robot gateway; every other loopback / private / link-local target is refused.
   */
  WEBHOOK_ALLOW_HOSTS: z.string().default('').transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  /** Run the job queue (reminders, lights, deliveries) in this process. */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** When the daily supervision run happens, as cron in China time. */
  DAILY_CRON: z.string().default('0 8 * * *'),
  /** demo: load and play the demo on an empty database (`npm start`); production: never (`yingshang serve`). Unset: decided by the --demo flag. */
  YINGSHANG_MODE: z.enum(['demo', 'production']).optional().or(z.literal('').transform(() => undefined)),
  /** Production start on a database that holds demo accounts: refused unless true. */
  ALLOW_DEMO_ACCOUNTS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Demo: after loading the seed plans, play a year of activity through the use cases (off: plans only). */
  DEMO_YEAR: z.enum(['on', 'off']).default('on'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Reads the configuration from an environment, throwing a readable message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`配置错误 (invalid configuration): ${problems}`);
  }
  return parsed.data;
}
