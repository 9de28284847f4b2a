import { ConfigError, loadConfig, uploadDirOf } from './app-config';

describe('config', () => {
  it('gives the embedded demo with no settings at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ DB_TYPE: 'sqlite', INSTANCES: 1, PORT: 3000, SMS_PROVIDER: 'console', SEED_DEMO: true });
  });

  it('reads the old DB_TYPE=sqljs as the embedded SQLite (same file)', () => {
    expect(loadConfig({ DB_TYPE: 'sqljs' }).DB_TYPE).toBe('sqlite');
  });

  it('refuses SQLite for more than one API process, and allows MySQL clusters', () => {
    expect(() => loadConfig({ INSTANCES: '2' })).toThrow(/DB_TYPE:.*INSTANCES=2 use DB_TYPE=mysql/);
    expect(() => loadConfig({ DB_TYPE: 'sqlite', NODE_APP_INSTANCE: '1' })).toThrow(/NODE_APP_INSTANCE=1/);
    expect(loadConfig({ NODE_APP_INSTANCE: '0', INSTANCES: '1' }).DB_TYPE).toBe('sqlite');
    expect(loadConfig({ DB_TYPE: 'mysql', DATABASE_URL: 'mysql://u:p@db:3306/zz', INSTANCES: '4', NODE_APP_INSTANCE: '3' }).INSTANCES).toBe(4);
  });

  it('reads and converts values', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'false', DB_TYPE: 'mysql', DATABASE_URL: 'mysql://u:p@db:3306/zz' });
    expect(c.PORT).toBe(8080);
    expect(c.SEED_DEMO).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DB_TYPE: 'postgres' }, 'DB_TYPE'],
    [{ DB_TYPE: 'mysql' }, 'DATABASE_URL'],
    [{ DB_TYPE: 'mysql', DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SMS_PROVIDER: 'http' }, 'SMS_HTTP_URL'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_ENDPOINT'],
    [{ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'photos', S3_ACCESS_KEY: 'k' }, 'S3_SECRET_KEY'],
    [{ S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET'],
    [{ UPLOAD_MAX_PER_USER_PER_HOUR: '0' }, 'UPLOAD_MAX_PER_USER_PER_HOUR'],
    [{ H5_DIR: '/srv/h5', UPLOAD_DIR: '/srv/h5/uploads' }, 'UPLOAD_DIR'],
    [{ H5_DIR: '/srv/data', DATA_DIR: '/srv/data' }, 'UPLOAD_DIR'],
  ])('refuses %p naming %s', (env, field) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(field));
  });

  it('stores photos under DATA_DIR/uploads by default and accepts a complete S3 setting', () => {
    expect(uploadDirOf(loadConfig({ DATA_DIR: '/var/zz' }))).toBe('/var/zz/uploads');
    expect(uploadDirOf(loadConfig({ UPLOAD_DIR: '/mnt/photos', H5_DIR: '/srv/h5' }))).toBe('/mnt/photos');
    const s3 = loadConfig({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'zz-photos', S3_ACCESS_KEY: 'k', S3_SECRET_KEY: 's' });
    expect(s3).toMatchObject({ STORAGE_DRIVER: 's3', S3_REGION: 'us-east-1', S3_PATH_STYLE: true, UPLOAD_MAX_PER_USER_PER_HOUR: 60 });
  });

  describe('production', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://sms.local/send', SEED_DEMO: 'false', FIELD_ENCRYPTION_KEY: 'k'.repeat(40) };
    it('starts with real settings', () => {
      expect(loadConfig(prod).NODE_ENV).toBe('production');
    });
    it('refuses the console SMS provider', () => {
      expect(() => loadConfig({ ...prod, SMS_PROVIDER: 'console' })).toThrow(/SMS_PROVIDER/);
    });
    it('refuses to seed demo accounts (demo passwords)', () => {
      expect(() => loadConfig({ ...prod, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
    });
    it('refuses a missing JWT secret', () => {
      const { JWT_SECRET: _, ...rest } = prod;
      expect(() => loadConfig(rest)).toThrow(/JWT_SECRET/);
    });
    it('refuses a missing field-encryption key', () => {
      const { FIELD_ENCRYPTION_KEY: _, ...rest } = prod;
      expect(() => loadConfig(rest)).toThrow(/FIELD_ENCRYPTION_KEY/);
    });
  });
});
