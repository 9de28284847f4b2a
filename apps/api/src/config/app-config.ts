import { plainToInstance, Transform } from 'class-transformer';
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

  @IsIn(['sqljs', 'mysql'])
  DB_TYPE: 'sqljs' | 'mysql' = 'sqljs';

  /** mysql://user:pass@host:port/db — required when DB_TYPE=mysql. */
  @IsOptional() @Matches(/^mysql:\/\/.+/, { message: 'DATABASE_URL must look like mysql://user:pass@host:port/db' })
  DATABASE_URL?: string;

  /** Folder for the embedded database file and local uploads (git-ignored). */
  @IsString()
  DATA_DIR = '.data';

  /** Signs access tokens; at least 32 characters. Generated and kept in DATA_DIR when absent outside production. */
  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @Transform(int) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 7 * 24 * 3600;

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
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'JWT_SECRET', 'SMS_HTTP_URL', 'WECHAT_APPID', 'WECHAT_SECRET', 'H5_DIR']);
  const picked: Record<string, string> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') picked[key] = env[key] as string;
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (config.DB_TYPE === 'mysql' && !config.DATABASE_URL) problems.push('DATABASE_URL: required when DB_TYPE=mysql');
  if (config.SMS_PROVIDER === 'http' && !config.SMS_HTTP_URL) problems.push('SMS_HTTP_URL: required when SMS_PROVIDER=http');
  if (config.NODE_ENV === 'production') {
    if (config.SMS_PROVIDER === 'console') problems.push('SMS_PROVIDER: the console provider is for demos; production needs a real one');
    if (config.SEED_DEMO) problems.push('SEED_DEMO: production must not seed demo accounts (set SEED_DEMO=false)');
    if (!config.JWT_SECRET) problems.push('JWT_SECRET: required in production');
  }
  if (problems.length) throw new ConfigError(`配置无效 / invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
