/** Environment variables, validated once at start-up (a typo fails loudly instead of silently). */
import { z } from 'zod';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 开头').optional().or(z.literal('').transform(() => undefined)),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed logins before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Login attempts allowed per client address per 15 minutes, whatever the account. */
  LOGIN_RATE_PER_IP: z.coerce.number().int().positive().default(30),
  /** Largest plan document accepted by POST /api/imports, in MB. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(50).default(50),
  /** Outbound e-mail for reminders: smtp://user:pass@host:port (smtps:// for TLS). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL 必须以 smtp:// 或 smtps:// 开头').optional().or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z.string().default('营商平台 <noreply@yingshang.local>'),
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
