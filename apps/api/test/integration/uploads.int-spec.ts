import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import exifr from 'exifr';
import { createConnection } from 'mysql2/promise';
import sharp from 'sharp';
import { wgs84ToGcj02 } from '@zongzhi/shared';
import { uploadDirOf } from '../../src/config/app-config';
import { PhotoUrlSigner } from '../../src/modules/uploads/photo-url.signer';
import { UploadsRepository } from '../../src/modules/uploads/uploads.repository';
import { UploadsService } from '../../src/modules/uploads/uploads.service';
import { heicHeader, jpegWithExif, noisyJpeg, pixelFloodPng } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { fetchPhoto, uploadFile } from '../helpers/uploads';

// Real image work and 10 MB bodies: generous on a busy 2-core machine.
jest.setTimeout(30_000);

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** True when the image carries no metadata block of any kind. */
async function hasNoMetadata(data: Buffer) {
  const m = await sharp(data).metadata();
  return !m.exif && !m.icc && !m.xmp && !m.iptc && !(m.comments?.length) && (await exifr.parse(data, true)) === undefined;
}

describe('photos: upload, strip, sign, attach, sweep (MariaDB, local disk)', () => {
  let t: TestApp;
  let dataDir: string;
  let alice: { token: string; phone: string; userId: string };
  let bob: { token: string; phone: string; userId: string };

  const report = (token: string, body: Record<string, unknown>) =>
    t.req('POST', '/reports', { token, body, headers: { 'idempotency-key': randomUUID() } });
  const sql = async <T>(query: string, params: unknown[] = []): Promise<T> => {
    const c = await createConnection(t.dbUrl);
    try {
      return (await c.query(query, params))[0] as T;
    } finally {
      await c.end();
    }
  };
  const uploadRow = async (id: string) =>
    (await sql<{ ticket_id: string | null; owner_id: string }[]>('SELECT ticket_id, owner_id FROM uploads WHERE id = ?', [id]))[0];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zz-uploads-'));
    t = await startTestApp({ DATA_DIR: dataDir, UPLOAD_SWEEP_INTERVAL_SECONDS: '0' });
    alice = await t.resident();
    bob = await t.resident();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns the EXIF position as GCJ-02 to the uploader, and stores photo and thumbnail with no metadata at all', async () => {
    const original = await jpegWithExif({ width: 400, height: 300, lat: 39.907333, lng: 116.3915 });
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(39.907333, 5) }); // the input really carries GPS

    const r = await uploadFile(t, alice.token, original);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(String), url: expect.stringContaining(`/uploads/${r.body.id}/file`), thumbnailUrl: expect.any(String), width: 400, height: 300 });
    const expected = wgs84ToGcj02({ lat: 39.907333, lng: 116.3915 });
    expect(r.body.gps.lat).toBeCloseTo(expected.lat, 5);
    expect(r.body.gps.lng).toBeCloseTo(expected.lng, 5);
    expect(r.body.gps.lng - 116.3915).toBeGreaterThan(0.003); // converted, not passed through

    const full = await fetchPhoto(t, r.body.url);
    const thumb = await fetchPhoto(t, r.body.thumbnailUrl);
    expect([full.status, thumb.status]).toEqual([200, 200]);
    expect(full.type).toBe('image/jpeg');
    expect(await hasNoMetadata(full.data)).toBe(true);
    expect(await hasNoMetadata(thumb.data)).toBe(true);
    expect(await exifr.gps(full.data)).toBeUndefined();

    // and on disk: exactly the two derivatives, named by id, metadata-free; the original is not kept
    const stored = filesUnder(uploadDirOf(t.config)).filter((f) => f.includes(r.body.id));
    expect(stored.map((f) => f.split('/').pop()).sort()).toEqual([`${r.body.id}.jpg`, `${r.body.id}.thumb.jpg`]);
    for (const f of stored) expect(await hasNoMetadata(await sharp(f).toBuffer())).toBe(true);
  });

  it('applies EXIF orientation: a 300×200 photo tagged Orientation 6 comes out 200×300', async () => {
    const rotated = await jpegWithExif({ width: 300, height: 200, orientation: 6 });
    expect((await sharp(rotated).metadata()).orientation).toBe(6);
    const r = await uploadFile(t, alice.token, rotated);
    expect(r.status).toBe(201);
    expect([r.body.width, r.body.height]).toEqual([200, 300]);
    const m = await sharp((await fetchPhoto(t, r.body.url)).data).metadata();
    expect([m.width, m.height, m.orientation]).toEqual([200, 300, undefined]);
  });

  it('scales to 1600 px on the longest side with a ≤320 px thumbnail', async () => {
    const r = await uploadFile(t, alice.token, await noisyJpeg(4000, 3000), 'big.jpg');
    expect(r.status).toBe(201);
    expect([r.body.width, r.body.height]).toEqual([1600, 1200]);
    expect(r.body.gps).toBeUndefined();
    const thumb = await sharp((await fetchPhoto(t, r.body.thumbnailUrl)).data).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
  });

  it('accepts PNG and WebP by content, whatever name and type the client claims', async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const webp = await sharp({ create: { width: 60, height: 30, channels: 3, background: '#0a0' } }).webp().toBuffer();
    const a = await uploadFile(t, alice.token, png, 'notes.txt', 'text/plain');
    const b = await uploadFile(t, alice.token, webp, 'x', 'application/octet-stream');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.width, b.body.width]).toEqual([50, 60]);
    expect((await sharp((await fetchPhoto(t, a.body.url)).data).metadata()).format).toBe('jpeg');
  });

  describe('refuses what is not a photo', () => {
    it.each([
      ['an HTML page renamed .jpg', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'evil.jpg', 'image/jpeg'],
      ['a script renamed .jpg', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.jpg', 'image/jpeg'],
      ['an SVG with script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'a.png', 'image/png'],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a.jpg', 'image/jpeg'],
      ['a truncated JPEG (magic bytes only)', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'a.jpg', 'image/jpeg'],
      ['HEIC (this sharp cannot decode HEVC)', heicHeader(), 'IMG_0001.HEIC', 'image/heic'],
    ])('%s → 415', async (_name, data, filename, type) => {
      const r = await uploadFile(t, alice.token, data, filename, type);
      expect(r.status).toBe(415);
      expect(r.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: { file: expect.any(String) } });
    });

    it('an 11 MB file → 413', async () => {
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024, 7)]);
      const r = await uploadFile(t, alice.token, big);
      expect(r.status).toBe(413);
      expect(r.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('a file just over 10 MB inside a small-enough request → 413 from the stream limit', async () => {
      const justOver = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 - 2, 7)]);
      const r = await uploadFile(t, alice.token, justOver);
      expect(r.status).toBe(413);
    });

    it('a pixel flood (a tiny PNG declaring 50000×50000) → 413 before decoding, without the process growing', async () => {
      const flood = pixelFloodPng(50_000);
      expect(flood.length).toBeLessThan(2000);
      global.gc?.();
      const before = process.memoryUsage().rss;
      const r = await uploadFile(t, alice.token, flood, 'tiny.png', 'image/png');
      const grew = process.memoryUsage().rss - before;
      // 413 from the header check: refused before the decoder was even started
      expect(r.status).toBe(413);
      expect(grew).toBeLessThan(200 * 1024 * 1024);
    });

    it('just over 40 megapixels (6500×6500) → 413', async () => {
      const r = await uploadFile(t, alice.token, pixelFloodPng(6500), 'x.png');
      expect(r.status).toBe(413);
    });

    it('not multipart → 415; no file field → 400; not logged in → 401', async () => {
      const json = await t.req('POST', '/uploads', { token: alice.token, body: { file: 'x' } });
      expect(json.status).toBe(415);
      const wrongField = await uploadFile(t, alice.token, await jpegWithExif(), 'a.jpg', 'image/jpeg', 'photo');
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.errors).toHaveProperty('file');
      const anon = await uploadFile(t, null, await jpegWithExif());
      expect(anon.status).toBe(401);
    });
  });

  it('ignores a traversal file name: stored under its id, nothing written outside the upload folder', async () => {
    const before = new Set(filesUnder(dataDir));
    const r = await uploadFile(t, alice.token, await jpegWithExif(), '../../x.jpg');
    expect(r.status).toBe(201);
    const added = filesUnder(dataDir).filter((f) => !before.has(f));
    expect(added.sort()).toEqual(
      [`${r.body.id}.jpg`, `${r.body.id}.thumb.jpg`].map((n) => join(uploadDirOf(t.config), r.body.id.slice(0, 2), n)).sort(),
    );
    for (const p of [resolve(uploadDirOf(t.config), '../../x.jpg'), resolve(uploadDirOf(t.config), '../x.jpg'), resolve(dataDir, 'x.jpg')]) {
      expect(existsSync(p)).toBe(false);
    }
  });

  describe('signed links', () => {
    let photo: { id: string; url: string; thumbnailUrl: string };
    beforeAll(async () => {
      photo = (await uploadFile(t, alice.token, await jpegWithExif())).body;
    });

    it('work without a token while valid', async () => {
      expect((await fetchPhoto(t, photo.url)).status).toBe(200);
      expect((await fetchPhoto(t, photo.thumbnailUrl)).status).toBe(200);
    });

    it('fail when tampered: another id, another variant, an altered signature or expiry, or no signature', async () => {
      const other = (await uploadFile(t, bob.token, await jpegWithExif())).body;
      const u = new URL(t.origin + photo.url);
      const sig = u.searchParams.get('sig')!;
      const exp = u.searchParams.get('exp')!;
      const variants = [
        photo.url.replace(photo.id, other.id), // my signature on bob's photo
        other.url.replace(other.id, photo.id), // bob's signature on mine
        photo.url.replace('variant=full', 'variant=thumb'),
        photo.url.replace(`sig=${sig}`, `sig=${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`),
        photo.url.replace(`exp=${exp}`, `exp=${Number(exp) + 3600}`),
        photo.url.replace(`&sig=${sig}`, ''),
        `/api/v1/uploads/${photo.id}/file`,
      ];
      for (const v of variants) {
        const res = await fetchPhoto(t, v);
        expect({ v, status: res.status }).toEqual({ v, status: 403 });
      }
    });

    it('fail once expired (10 minutes)', async () => {
      const elevenMinutesAgo = Date.now() - 11 * 60 * 1000;
      const stale = new PhotoUrlSigner(t.config.JWT_SECRET!, () => elevenMinutesAgo).urlFor(photo.id, 'full');
      const fresh = new PhotoUrlSigner(t.config.JWT_SECRET!).urlFor(photo.id, 'full');
      expect((await fetchPhoto(t, fresh)).status).toBe(200); // the same signing, unexpired, works
      expect((await fetchPhoto(t, stale)).status).toBe(403);
    });

    it('fail for a signature made with another secret', async () => {
      const forged = new PhotoUrlSigner('x'.repeat(48)).urlFor(photo.id, 'full');
      expect((await fetchPhoto(t, forged)).status).toBe(403);
    });
  });

  describe('attaching to reports', () => {
    it('shows the report photos on the ticket, in the order given, with working links', async () => {
      const p1 = (await uploadFile(t, alice.token, await jpegWithExif())).body;
      const p2 = (await uploadFile(t, alice.token, await jpegWithExif({ width: 120, height: 90 }))).body;
      const r = await report(alice.token, { text: '小区门口井盖丢了,晚上很危险', photoIds: [p2.id, p1.id], location: { lat: 39.9, lng: 116.4, address: '幸福路1号' } });
      expect(r.status).toBe(201);
      expect(r.body.photos.map((p: { id: string }) => p.id)).toEqual([p2.id, p1.id]);
      expect(r.body.location).toMatchObject({ lat: 39.9, lng: 116.4, address: '幸福路1号' });

      const got = await t.req('GET', `/tickets/${r.body.id}`, { token: alice.token });
      expect(got.body.photos).toEqual([
        { id: p2.id, url: expect.stringContaining(p2.id), thumbnailUrl: expect.stringContaining('variant=thumb') },
        { id: p1.id, url: expect.any(String), thumbnailUrl: expect.any(String) },
      ]);
      expect((await fetchPhoto(t, got.body.photos[0].thumbnailUrl)).status).toBe(200);
      expect((await uploadRow(p1.id)).ticket_id).toBe(r.body.id);
      // a ticket's photo never points at a patrol entry
      expect(await sql('SELECT ticket_id, history_id, patrol_entry_id FROM uploads WHERE id IN (?, ?)', [p1.id, p2.id])).toEqual([
        { ticket_id: r.body.id, history_id: null, patrol_entry_id: null },
        { ticket_id: r.body.id, history_id: null, patrol_entry_id: null },
      ]);

      const mine = await t.req('GET', '/reports/mine', { token: alice.token });
      expect(mine.body.items.find((i: { id: string }) => i.id === r.body.id).photos).toHaveLength(2);
    });

    it("refuses someone else's photo with a 400 on photoIds that reveals nothing, creates no ticket, leaves the photo unattached", async () => {
      const mine = (await uploadFile(t, alice.token, await jpegWithExif())).body;
      const unknown = randomUUID();
      const before = await sql<{ n: number }[]>('SELECT COUNT(*) n FROM tickets WHERE reporter_id = ?', [bob.userId]);
      const stolen = await report(bob.token, { text: '楼道里堆满杂物', photoIds: [mine.id] });
      const ghost = await report(bob.token, { text: '楼道里堆满杂物', photoIds: [unknown] });
      expect(stolen.status).toBe(400);
      expect(stolen.body.errors).toEqual({ photoIds: expect.any(String) });
      expect(stolen.body).toEqual(ghost.body); // indistinguishable from an id that does not exist
      const after = await sql<{ n: number }[]>('SELECT COUNT(*) n FROM tickets WHERE reporter_id = ?', [bob.userId]);
      expect(Number(after[0].n)).toBe(Number(before[0].n));
      expect(await uploadRow(mine.id)).toEqual({ ticket_id: null, owner_id: alice.userId });
      // and it is still mine to use
      expect((await report(alice.token, { text: '楼道里堆满杂物', photoIds: [mine.id] })).status).toBe(201);
    });

    it('rolls back the whole report when one of several photos is not usable', async () => {
      const ok = (await uploadFile(t, bob.token, await jpegWithExif())).body;
      const notMine = (await uploadFile(t, alice.token, await jpegWithExif())).body;
      const r = await report(bob.token, { text: '路灯坏了', photoIds: [ok.id, notMine.id] });
      expect(r.status).toBe(400);
      expect((await uploadRow(ok.id)).ticket_id).toBeNull();
    });

    it('attaches a photo at most once', async () => {
      const p = (await uploadFile(t, alice.token, await jpegWithExif())).body;
      expect((await report(alice.token, { text: '垃圾堆在楼下', photoIds: [p.id] })).status).toBe(201);
      const again = await report(alice.token, { text: '垃圾堆在楼下又来了', photoIds: [p.id] });
      expect(again.status).toBe(400);
      expect(again.body.errors).toHaveProperty('photoIds');
    });

    it.each([
      ['ten photos', () => Array.from({ length: 10 }, () => randomUUID())],
      ['the same photo twice', () => ['7f1a2b3c-0000-4000-8000-000000000001', '7f1a2b3c-0000-4000-8000-000000000001']],
      ['an id that is not a uuid', () => ['../../etc/passwd']],
      ['not a list', () => 'abc'],
    ])('refuses %s with 400 on photoIds', async (_name, ids) => {
      const r = await report(alice.token, { text: '路灯坏了', photoIds: ids() });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.errors)[0]).toMatch(/^photoIds/);
    });

    it('accepts nine photos', async () => {
      const ids: string[] = [];
      const small = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } }).jpeg().toBuffer();
      for (let i = 0; i < 9; i++) ids.push((await uploadFile(t, bob.token, small)).body.id);
      const r = await report(bob.token, { text: '九张照片的反映', photoIds: ids });
      expect(r.status).toBe(201);
      expect(r.body.photos).toHaveLength(9);
    });

    it('lets staff who see the ticket see its photos; loads photos with one query per list, not per ticket', async () => {
      const p = (await uploadFile(t, alice.token, await jpegWithExif())).body;
      const filed = await report(alice.token, { text: '小区门口垃圾堆积很多天了', photoIds: [p.id] });
      expect(filed.status).toBe(201);
      const admin = await t.staff('admin');
      const repo = t.app.get(UploadsRepository);
      const spy = jest.spyOn(repo, 'findByTickets');
      try {
        const list = await t.req('GET', '/tickets?pageSize=50', { token: admin });
        expect(list.status).toBe(200);
        expect(list.body.items.length).toBeGreaterThan(3);
        expect(spy).toHaveBeenCalledTimes(1);
        const item = list.body.items.find((i: { id: string }) => i.id === filed.body.id);
        expect(item.photos).toEqual([{ id: p.id, url: expect.any(String), thumbnailUrl: expect.any(String) }]);
        expect((await fetchPhoto(t, item.photos[0].url)).status).toBe(200);
      } finally {
        spy.mockRestore();
      }
      // another resident still cannot see the ticket, so gets no link to its photos
      expect((await t.req('GET', `/tickets/${filed.body.id}`, { token: bob.token })).status).toBe(404);
    });
  });

  it('rate-limits uploads per user: the 61st within an hour → 429, older ones do not count', async () => {
    const carol = await t.resident();
    const rows = (hoursAgo: number, n: number) =>
      Array.from({ length: n }, () => [randomUUID(), carol.userId, new Date(Date.now() - hoursAgo * 3600_000)]);
    const insert = (values: unknown[][]) =>
      sql('INSERT INTO uploads (id, owner_id, width, height, bytes, created_at) VALUES ' + values.map(() => '(?, ?, 1, 1, 1, ?)').join(', '), values.flat());
    await insert(rows(2, 30)); // outside the window
    await insert(rows(0.5, 59));
    expect((await uploadFile(t, carol.token, await jpegWithExif())).status).toBe(201); // the 60th
    const r = await uploadFile(t, carol.token, await jpegWithExif());
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('RATE_LIMITED');
    // others are not affected
    expect((await uploadFile(t, bob.token, await jpegWithExif())).status).toBe(201);
  });

  it('sweeps only unattached uploads older than 24 h, files and rows', async () => {
    const sweep = () => t.app.get(UploadsService).sweepOrphans();
    await sweep(); // start from a clean slate
    const old = (await uploadFile(t, alice.token, await jpegWithExif())).body;
    const young = (await uploadFile(t, alice.token, await jpegWithExif())).body;
    const oldButAttached = (await uploadFile(t, alice.token, await jpegWithExif())).body;
    expect((await report(alice.token, { text: '路面塌陷了一个坑', photoIds: [oldButAttached.id] })).status).toBe(201);
    const age = (id: string, hours: number) => sql('UPDATE uploads SET created_at = ? WHERE id = ?', [new Date(Date.now() - hours * 3600_000), id]);
    await age(old.id, 24.1);
    await age(young.id, 23.9);
    await age(oldButAttached.id, 48);

    expect(await sweep()).toBe(1);

    const left = await sql<{ id: string }[]>('SELECT id FROM uploads WHERE id IN (?, ?, ?)', [old.id, young.id, oldButAttached.id]);
    expect(left.map((r) => r.id).sort()).toEqual([young.id, oldButAttached.id].sort());
    const files = filesUnder(uploadDirOf(t.config)).map((f) => f.split('/').pop());
    expect(files).not.toContain(`${old.id}.jpg`);
    expect(files).not.toContain(`${old.id}.thumb.jpg`);
    expect(files).toContain(`${young.id}.jpg`);
    expect(files).toContain(`${oldButAttached.id}.thumb.jpg`);
    expect((await fetchPhoto(t, old.url)).status).toBe(404);
    // a swept photo can no longer be attached
    expect((await report(alice.token, { text: '路面塌陷', photoIds: [old.id] })).status).toBe(400);
  });
});
