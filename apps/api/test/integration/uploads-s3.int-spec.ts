import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { createConnection } from 'mysql2/promise';
import S3rver from 's3rver';
import sharp from 'sharp';
import { uploadDirOf } from '../../src/config/app-config';
import { S3PhotoStorage, type S3Settings } from '../../src/modules/uploads/storage/s3.storage';
import { PhotoStorage } from '../../src/modules/uploads/storage/photo-storage';
import { UploadsService } from '../../src/modules/uploads/uploads.service';
import { jpegWithExif } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { fetchPhoto, uploadFile } from '../helpers/uploads';

/** The S3 driver against a local S3-compatible server (s3rver: real HTTP, real bucket on disk). */
describe('photos on S3-compatible storage (local s3rver)', () => {
  let s3: S3rver;
  let s3Dir: string;
  let dataDir: string;
  let settings: S3Settings;
  let t: TestApp;

  beforeAll(async () => {
    s3Dir = mkdtempSync(join(tmpdir(), 'zz-s3-'));
    dataDir = mkdtempSync(join(tmpdir(), 'zz-s3-data-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'zz-photos' }] });
    const { port } = await s3.run();
    settings = { endpoint: `http://127.0.0.1:${port}`, bucket: 'zz-photos', accessKey: 'S3RVER', secretKey: 'S3RVER', region: 'us-east-1', pathStyle: true };
    t = await startTestApp({
      DATA_DIR: dataDir,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: settings.endpoint,
      S3_BUCKET: settings.bucket,
      S3_ACCESS_KEY: settings.accessKey,
      S3_SECRET_KEY: settings.secretKey,
      UPLOAD_SWEEP_INTERVAL_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    rmSync(s3Dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts, gets and deletes objects with signed requests; a missing object is null', async () => {
    const store = new S3PhotoStorage(settings);
    const key = '0b7c4c7e-1a1e-4d5e-9c1a-2b3c4d5e6f70.jpg';
    await store.put(key, Buffer.from('abc'), 'image/jpeg');
    expect((await store.get(key))?.toString()).toBe('abc');
    await store.delete([key]);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete([key])).resolves.toBeUndefined();
  });

  // s3rver checks the access key but (unlike real S3/MinIO) not the SigV4 signature itself.
  it('fails loudly with credentials the server does not know', async () => {
    const wrong = new S3PhotoStorage({ ...settings, accessKey: 'NOT-A-KEY' });
    await expect(wrong.put('0b7c4c7e-1a1e-4d5e-9c1a-2b3c4d5e6f71.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/403/);
  });

  it('refuses keys that are not server-generated ids', async () => {
    const store = new S3PhotoStorage(settings);
    await expect(store.put('../escape.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid storage key/);
  });

  it('stores an upload in the bucket, serves it through a signed link, writes nothing to local disk', async () => {
    const alice = await t.resident();
    const r = await uploadFile(t, alice.token, await jpegWithExif({ width: 640, height: 480 }));
    expect(r.status).toBe(201);
    expect(t.app.get(PhotoStorage)).toBeInstanceOf(S3PhotoStorage);
    const direct = new S3PhotoStorage(settings);
    const stored = await direct.get(`${r.body.id}.jpg`);
    expect(stored).not.toBeNull();
    expect(await exifr.parse(stored!)).toBeUndefined();
    expect((await sharp(stored!).metadata()).width).toBe(640);
    expect(await direct.get(`${r.body.id}.thumb.jpg`)).not.toBeNull();

    const served = await fetchPhoto(t, r.body.thumbnailUrl);
    expect(served.status).toBe(200);
    expect((await sharp(served.data).metadata()).width).toBe(320);
    expect(existsSync(uploadDirOf(t.config))).toBe(false);
  });

  it('sweeps orphans from the bucket too', async () => {
    const bob = await t.resident();
    const r = await uploadFile(t, bob.token, await jpegWithExif());
    const c = await createConnection(t.dbUrl);
    await c.query('UPDATE uploads SET created_at = ? WHERE id = ?', [new Date(Date.now() - 25 * 3600_000), r.body.id]);
    await c.end();
    expect(await t.app.get(UploadsService).sweepOrphans()).toBe(1);
    const direct = new S3PhotoStorage(settings);
    expect(await direct.get(`${r.body.id}.jpg`)).toBeNull();
    expect(await direct.get(`${r.body.id}.thumb.jpg`)).toBeNull();
  });
});
