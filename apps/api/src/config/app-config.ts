import { plainToInstance, Transform } from 'class-transformer';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const bool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const int = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the server reads, validated once at start-up. Defaults give
 * the embedded demo; production must say what it wants.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(int) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * `sqlite` (default): the embedded database, one file in DATA_DIR, for one API process.
   * `mysql`: MySQL/MariaDB at DATABASE_URL. The old value `sqljs` is read as `sqlite`
   * (the same file, now opened by SQLite itself).
   */
  @Transform(({ value }) => (value === 'sqljs' ? 'sqlite' : value)) @IsIn(['sqlite', 'mysql'])
  DB_TYPE: 'sqlite' | 'mysql' = 'sqlite';

  /** How many API processes serve this deployment. SQLite allows exactly one (start-up refuses more). */
  @Transform(int) @IsInt() @Min(1)
  INSTANCES = 1;

  /** mysql://user:pass@host:port/db — required when DB_TYPE=mysql. */
  @IsOptional() @Matches(/^mysql:\/\/.+/, { message: 'DATABASE_URL must look like mysql://user:pass@host:port/db' })
  DATABASE_URL?: string;

  /** Folder for the embedded database file and local uploads (git-ignored). */
  @IsString()
  DATA_DIR = '.data';

  /** Signs access tokens; at least 32 characters. Generated and kept in DATA_DIR when absent outside production. */
  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  /** Access-token lifetime: at most 2 hours; the client refreshes silently with its refresh token. */
  @Transform(int) @IsInt() @Min(60) @Max(7200)
  JWT_TTL_SECONDS = 3600;

  /** How long a login (its chain of rotating refresh tokens) lasts without a fresh login. */
  @Transform(int) @IsInt() @Min(300) @Max(90 * 24 * 3600)
  REFRESH_TTL_SECONDS = 14 * 24 * 3600;

  /**
   * Peers whose X-Forwarded-For is believed (comma-separated IPs or CIDRs, e.g. `127.0.0.1,10.0.0.0/8`).
   * Empty: the client IP is the socket peer, whatever the headers say.
   */
  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  /** Serve /docs (OpenAPI) in production too; outside production it is always served. */
  @Transform(bool) @IsBoolean()
  DOCS_PUBLIC = false;

  /** Days the audit log is kept; 180 at least (网络安全法 第二十一条: logs kept no less than six months). */
  @Transform(int) @IsInt() @Min(180)
  AUDIT_RETENTION_DAYS = 180;

  /** How often audit rows older than the retention are deleted; 0 turns the timer off. */
  @Transform(int) @IsInt() @Min(0)
  AUDIT_SWEEP_INTERVAL_SECONDS = 24 * 3600;

  /** Wrong passwords for one account before each further try must wait (1 s, 2 s, 4 s … up to 60 s). */
  @Transform(int) @IsInt() @Min(1)
  LOGIN_FREE_FAILURES = 3;

  /** Wrong passwords for one account (within LOGIN_WINDOW_SECONDS) that lock it for LOGIN_LOCK_SECONDS. */
  @Transform(int) @IsInt() @Min(2)
  LOGIN_LOCK_AFTER = 10;

  /** Failed logins from one IP (any account) that lock that IP out of login. */
  @Transform(int) @IsInt() @Min(2)
  LOGIN_IP_LOCK_AFTER = 50;

  @Transform(int) @IsInt() @Min(1)
  LOGIN_WINDOW_SECONDS = 15 * 60;

  @Transform(int) @IsInt() @Min(1)
  LOGIN_LOCK_SECONDS = 15 * 60;

  /** Wrong phone numbers tried against one case code per hour before it is locked for the rest of the hour. */
  @Transform(int) @IsInt() @Min(1)
  LOOKUP_MAX_FAILURES_PER_CASE = 5;

  /** Failed lookups (wrong code or phone) from one IP per hour. */
  @Transform(int) @IsInt() @Min(1)
  LOOKUP_MAX_FAILURES_PER_IP = 20;

  /** Lookups of any outcome from one IP per hour. */
  @Transform(int) @IsInt() @Min(1)
  LOOKUP_MAX_PER_IP = 120;

  @IsIn(['console', 'http'])
  SMS_PROVIDER: 'console' | 'http' = 'console';

  @IsOptional() @IsString()
  SMS_HTTP_URL?: string;

  @IsString()
  WECHAT_API_BASE = 'https://api.weixin.qq.com';

  @IsOptional() @IsString()
  WECHAT_APPID?: string;

  @IsOptional() @IsString()
  WECHAT_SECRET?: string;

  /** Seed the demo organisation and accounts (password demo1234) on an empty database. */
  @Transform(bool) @IsBoolean()
  SEED_DEMO = true;

  /** Folder of the H5 build to serve at `/`; empty to serve none. */
  @IsOptional() @IsString()
  H5_DIR?: string;

  @Transform(int) @IsInt() @Min(1)
  SMS_MAX_PER_PHONE_PER_HOUR = 5;

  @Transform(int) @IsInt() @Min(1)
  SMS_MAX_PER_IP_PER_HOUR = 30;

  @Transform(int) @IsInt() @Min(0)
  SMS_MIN_INTERVAL_SECONDS = 60;

  @Transform(bool) @IsBoolean()
  LOG_REQUESTS = false;

  /** Where photos live: `local` disk (UPLOAD_DIR) or an S3-compatible bucket. */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Local photo folder; default `${DATA_DIR}/uploads`. Never inside H5_DIR (it would be served unsigned). */
  @IsOptional() @IsString()
  UPLOAD_DIR?: string;

  /** S3-compatible endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com or http://minio:9000 — required when STORAGE_DRIVER=s3. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional() @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @IsOptional() @IsString()
  S3_ACCESS_KEY?: string;

  @IsOptional() @IsString()
  S3_SECRET_KEY?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** Path-style URLs (`endpoint/bucket/key`), as MinIO and most self-hosted servers want; false for virtual-hosted style. */
  @Transform(bool) @IsBoolean()
  S3_PATH_STYLE = true;

  /** Photos one user may upload per rolling hour. */
  @Transform(int) @IsInt() @Min(1)
  UPLOAD_MAX_PER_USER_PER_HOUR = 60;

  /** How often unattached uploads older than 24 h are swept; 0 turns the timer off. */
  @Transform(int) @IsInt() @Min(0)
  UPLOAD_SWEEP_INTERVAL_SECONDS = 3600;

  /**
   * Encrypts personal fields at rest (walk-in visitors' name, phone, ID number) with AES-256-GCM;
   * at least 32 characters. Generated and kept in DATA_DIR when absent outside production.
   */
  @IsOptional() @IsString() @MinLength(32)
  FIELD_ENCRYPTION_KEY?: string;

  /** Where the public H5 lives (e.g. https://zz.example.gov.cn); printed documents' QR codes open the case lookup there. */
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  /** WeChat 订阅消息 template for case progress (fields thing1, character_string2, phrase3, time4); none → no WeChat sends. */
  @IsOptional() @IsString()
  WECHAT_SUBSCRIBE_TEMPLATE_ID?: string;

  /** How often the notification outbox is polled for WeChat/SMS sends; 0 turns the timer off. */
  @Transform(int) @IsInt() @Min(0)
  NOTIFY_INTERVAL_SECONDS = 10;

  /** How often open patrols from earlier days are closed as 未正常结束; 0 turns the timer off. */
  @Transform(int) @IsInt() @Min(0)
  PATROL_SWEEP_INTERVAL_SECONDS = 300;

  /**
   * Hosts (`host` or `host:port`, comma-separated) whose Open311 `media_url` links are fetched,
   * e.g. the 12345 platform's object storage. Empty: no link is ever fetched.
   */
  @IsOptional() @IsString()
  OPEN311_MEDIA_HOSTS?: string;
}

/** The local photo folder this configuration means. */
export function uploadDirOf(config: Pick<AppConfig, 'DATA_DIR' | 'UPLOAD_DIR'>): string {
  return resolve(config.UPLOAD_DIR ?? join(config.DATA_DIR, 'uploads'));
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'JWT_SECRET', 'SMS_HTTP_URL', 'WECHAT_APPID', 'WECHAT_SECRET', 'H5_DIR', 'UPLOAD_DIR', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'FIELD_ENCRYPTION_KEY', 'PUBLIC_BASE_URL', 'WECHAT_SUBSCRIBE_TEMPLATE_ID', 'TRUST_PROXY', 'OPEN311_MEDIA_HOSTS']);
  const picked: Record<string, string> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') picked[key] = env[key] as string;
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (config.DB_TYPE === 'mysql' && !config.DATABASE_URL) problems.push('DATABASE_URL: required when DB_TYPE=mysql');
  if (config.DB_TYPE === 'sqlite') {
    // PM2 cluster mode numbers its workers in NODE_APP_INSTANCE (0, 1, 2, …).
    const worker = Number(env.NODE_APP_INSTANCE ?? 0);
    if (config.INSTANCES > 1 || worker > 0) {
      problems.push(
        `DB_TYPE: 嵌入式 SQLite 只能由一个 API 进程使用,多实例/集群请改用 MySQL / embedded SQLite serves exactly one API process; for ${config.INSTANCES > 1 ? `INSTANCES=${config.INSTANCES}` : `NODE_APP_INSTANCE=${env.NODE_APP_INSTANCE}`} use DB_TYPE=mysql`,
      );
    }
  }
  if (config.SMS_PROVIDER === 'http' && !config.SMS_HTTP_URL) problems.push('SMS_HTTP_URL: required when SMS_PROVIDER=http');
  if (config.STORAGE_DRIVER === 's3') {
    for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const) {
      if (!config[key]) problems.push(`${key}: required when STORAGE_DRIVER=s3`);
    }
  } else if (config.H5_DIR && isInside(uploadDirOf(config), config.H5_DIR)) {
    problems.push('UPLOAD_DIR: must not lie inside H5_DIR, which is served without access checks');
  }
  if (config.NODE_ENV === 'production') {
    if (config.SMS_PROVIDER === 'console') problems.push('SMS_PROVIDER: the console provider is for demos; production needs a real one');
    if (config.SEED_DEMO) problems.push('SEED_DEMO: production must not seed demo accounts (set SEED_DEMO=false)');
    if (!config.JWT_SECRET) problems.push('JWT_SECRET: required in production');
    if (!config.FIELD_ENCRYPTION_KEY) problems.push('FIELD_ENCRYPTION_KEY: required in production');
  }
  if (problems.length) throw new ConfigError(`配置无效 / invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
