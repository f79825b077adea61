import { z } from 'zod';
import { isValidTimeZone } from './calendar/local-time.js';

/**
 * Every setting Accord reads from the environment, validated once at start-up.
 * The README's configuration table lists the same variables; keep them in step.
 */
const timeZone = z.string().refine(isValidTimeZone, 'use an IANA time zone such as Europe/Paris or Europe/Rome');

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Loopback by default: serving on every interface (`0.0.0.0`) is the operator's explicit choice. */
    HOST: z.string().default('127.0.0.1'),
    /**
     * The reverse proxies whose X-Forwarded-For / -Proto Accord believes, as addresses or CIDRs separated by commas
     * (Fastify's trustProxy). Unset: the client is the socket's peer and the headers are ignored.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .regex(
        /^[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*$/,
        'list proxy addresses or CIDRs separated by commas, e.g. 10.0.0.1,10.1.0.0/16',
      )
      .optional(),
    /** Bearer token that /metrics requires; unset: /metrics is not served. */
    METRICS_TOKEN: z.string().min(32, 'use a random token of at least 32 characters').optional(),
    /** `on`: /api/docs and /api/openapi.json are served to anyone who reaches the server. */
    API_DOCS: z.enum(['on', 'off']).default('off'),
    DATABASE_URL: z.string().url().optional(),
    /** Connections each process keeps to the PostgreSQL server: one case page asks a dozen questions at once. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(20),
    DATA_DIR: z.string().default('./data'),
    /** Where uploaded placement files wait for their import job; shared by API and worker processes. */
    UPLOAD_DIR: z.string().optional(),
    UPLOAD_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(8 * 1024 ** 3)
      .default(1024 ** 3),
    /** The largest document a case accepts (a scanned court decision of a few dozen pages). */
    DOCUMENT_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 ** 2)
      .default(20 * 1024 ** 2),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(50),
    JOBS: z.enum(['on', 'off']).default('on'),
    NIGHTLY_CRON: z.string().default('30 2 * * *'),
    /** The agency's zone: its "today" (payment dates, plans, imports, remittance periods). Default: NIGHTLY_TZ, else Paris. */
    AGENCY_TZ: timeZone.optional(),
    /** The zone of NIGHTLY_CRON. Default: AGENCY_TZ. */
    NIGHTLY_TZ: timeZone.optional(),
    /** The agency's name and callback number, as the neutral voicemail message gives them. */
    AGENCY_NAME: z.string().min(1).max(80).default('Accord'),
    /**
     * The agency's postal address, lines separated by ';' (the last with the postal code and city), as the first
     * letter (CPCE R124-4) prints it; none: no first letter can be produced (docs/communications.md).
     */
    AGENCY_ADDRESS: z.string().trim().min(1).max(300).optional(),
    /** How many days before a claim's time bar it is listed for a person's review (docs/time-bars.md). */
    TIME_BAR_REVIEW_DAYS: z.coerce.number().int().min(0).max(730).default(90),
    AGENCY_PHONE: z.string().min(4).max(30).default('01 84 80 00 00'),
    /**
     * When the agency answers the phone, as the debtor portal says it: days and hours separated by ';'
     * (`mon-fri 09:00-19:00;sat 09:00-12:00`).
     */
    AGENCY_HOURS: z
      .string()
      .regex(
        /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))? ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d(;(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))? ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)*$/,
        'days and hours such as "mon-fri 09:00-19:00;sat 09:00-12:00"',
      )
      .default('mon-fri 09:00-19:00;sat 09:00-12:00'),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 3)
      .default(1024 * 1024),
    /** The agency as SEPA creditor, for the pain.008 direct debit files (docs/bank-files.md); none: no file is produced. */
    SEPA_CREDITOR_NAME: z.string().min(1).max(70).optional(),
    SEPA_CREDITOR_ID: z
      .string()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/)
      .optional(),
    SEPA_CREDITOR_IBAN: z
      .string()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/)
      .optional(),
    SEPA_CREDITOR_BIC: z
      .string()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/)
      .optional(),
    /** Key of the secrets kept at rest (webhook secrets): 32 random bytes, base64 (`openssl rand -base64 32`). */
    SECRETS_KEY: z
      .string()
      .refine(
        (value) => Buffer.from(value, 'base64').length === 32,
        'use 32 random bytes in base64: openssl rand -base64 32',
      )
      .optional(),
    /** Webhooks to private, loopback or link-local addresses: refused unless allowed, all or by ranges (comma-separated CIDRs). */
    WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
    WEBHOOK_ALLOWED_CIDRS: z.string().default(''),
    /** Per creditor: bytes of placement files uploaded in 24 hours, and imports waiting or running at once. */
    PLACEMENT_DAILY_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 4)
      .default(4 * 1024 ** 3),
    PLACEMENT_MAX_ACTIVE_IMPORTS: z.coerce.number().int().min(1).max(100).default(2),
    /**
     * Where the agency's web address is reached by debtors (`https://accord.example.fr`): the one-click opt-out link
     * of an e-mail points there. Unset: e-mails are not sent (a link that leads nowhere is no opt-out).
     */
    PUBLIC_URL: z.string().url().optional(),
    /** The SMTP relay e-mails leave by (`smtp://user:pass@relay:587`, `smtps://…:465`); unset: no e-mail is sent. */
    SMTP_URL: z.string().url().optional(),
    /** The sender of e-mails: the agency's neutral name and address (`Accord <contact@accord.example.fr>`). */
    MAIL_FROM: z.string().min(3).max(200).optional(),
    /** When the day's campaigns run, in the agency's zone (cron): by default 10:00, Monday to Saturday. */
    CAMPAIGNS_CRON: z.string().default('0 10 * * 1-6'),
    /** When the satisfaction surveys of the last days' interactions go out, in the agency's zone (cron). */
    SATISFACTION_CRON: z.string().default('30 11 * * 1-6'),
    /** When each creditor's contact is sent last month's report, in the agency's zone (cron): the 1st at 06:00. */
    MONTHLY_REPORT_CRON: z.string().default('0 6 1 * *'),
    /** The SMS provider's SMPP server (`smpp://system_id:password@host:2775`); unset: no SMS is sent. */
    SMPP_URL: z.string().url().optional(),
    /** The SMS sender: an alphanumeric name (at most 11 characters) or a number the replies (STOP) come back to. */
    SMS_SENDER: z.string().min(1).max(16).optional(),
    /**
     * The token the mail relay presents when it hands Accord a bounce or a complaint (`POST /api/v1/inbound-mail`),
     * at least 32 random characters; unset: that door is closed.
     */
    INBOUND_MAIL_TOKEN: z.string().min(32, 'use a random token of at least 32 characters').optional(),
    /**
     * Card payments on the debtor portal (docs/portal.md, "Paying"), through Stripe: the secret key and the webhook's
     * signing secret; both unset, the portal says card payment is unavailable. The API's host, port and protocol are
     * Stripe's unless set (a local stand-in of its API in tests).
     */
    STRIPE_SECRET_KEY: z.string().min(8).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(['https', 'http']).optional(),
  })
  .transform((config) => {
    // Before AGENCY_TZ, NIGHTLY_TZ was also the agency's zone: a deployment that set only it keeps its "today".
    const agencyZone = config.AGENCY_TZ ?? config.NIGHTLY_TZ ?? 'Europe/Paris';
    return { ...config, AGENCY_TZ: agencyZone, NIGHTLY_TZ: config.NIGHTLY_TZ ?? agencyZone };
  });

export type Config = z.infer<typeof configSchema>;

export function uploadDir(config: Config): string {
  return config.UPLOAD_DIR ?? `${config.DATA_DIR}/uploads`;
}

/** Where case documents are stored, by id (src/documents/storage.ts); shared by every process, like DATA_DIR. */
export function documentsDir(config: Config): string {
  return `${config.DATA_DIR}/documents`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, ...overrides };
}
