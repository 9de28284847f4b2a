import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import exifr from 'exifr';
import { gcj02ToWgs84 } from '@zongzhi/shared';
import { jpegWithExif } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, World } from '../factories/world';

/** The project's GeoReport v2 schemas, copied from shared/open311 (see open311-schemas/NOTICE.md). */
function loadSchemas(): Record<string, ValidateFunction> {
  const dir = join(__dirname, '../open311-schemas');
  const ajv = new Ajv({ allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  const out: Record<string, ValidateFunction> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) out[f.replace('.schema.json', '')] = ajv.compile(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return out;
}
const schemas = loadSchemas();

function expectValid(schema: string, body: unknown) {
  const v = schemas[schema];
  const ok = v(body);
  if (!ok) throw new Error(`${schema}: ${JSON.stringify(v.errors)} for ${JSON.stringify(body).slice(0, 400)}`);
}

/** WGS84 of one of the demo's GCJ-02 places, as an outside system would send it. */
const wgs = (p: { lat: number; lng: number }) => gcj02ToWgs84(p);

interface Res {
  status: number;
  text: string;
  body: any;
  headers: Headers;
}

/** A small HTTP server counting its hits: the partner's object storage (or a host not on the list). */
async function mediaServer(jpeg: Buffer): Promise<{ server: Server; host: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    if (req.url === '/photo.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      res.end(jpeg);
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('not a picture');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

describe('Open311 GeoReport v2 and partner keys (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let admin: string;
  let allowed: Awaited<ReturnType<typeof mediaServer>>;
  let other: Awaited<ReturnType<typeof mediaServer>>;

  const call = async (method: string, path: string, opts: { form?: [string, string][]; headers?: Record<string, string> } = {}): Promise<Res> => {
    const res = await fetch(`${t.origin}/open311/v2/${path}`, {
      method,
      headers: { ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}), ...(opts.headers ?? {}) },
      body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* XML */
    }
    return { status: res.status, text, body, headers: res.headers };
  };

  const issue = async (body: Record<string, unknown>) => {
    const r = await t.req('POST', '/admin/partners', { token: admin, body: { ratePerMinute: 1000, ...body } });
    if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; apiKey: string };
  };

  const ticketCount = async () => Number((await w.sql<{ n: number }>('SELECT COUNT(*) n FROM tickets'))[0].n);
  const ticketByCode = async (code: string) => (await w.sql<Record<string, any>>('SELECT * FROM tickets WHERE case_code = ?', [code]))[0];

  beforeAll(async () => {
    const jpeg = await jpegWithExif({ lat: 39.907333, lng: 116.3915 });
    allowed = await mediaServer(jpeg);
    other = await mediaServer(jpeg);
    t = await startTestApp({ OPEN311_MEDIA_HOSTS: allowed.host });
    w = await World.create(t);
    admin = await t.staff('admin');
  });
  afterAll(async () => {
    await w.close();
    await t.close();
    allowed.server.close();
    other.server.close();
  });

  describe('partner keys (admin)', () => {
    it('only an admin issues keys; bad input names the field; the key is shown once and stored hashed', async () => {
      const body = { name: '市12345热线平台', channel: 'hotline_12345', scopes: ['file', 'read_own'], unitId: w.unit('D01') };
      expect((await t.req('POST', '/admin/partners', { token: await t.staff('dispatcher'), body })).status).toBe(403);
      const bad = await t.req('POST', '/admin/partners', { token: admin, body: { name: 'x', channel: 'miniprogram', scopes: ['all'], unitId: 'nope' } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['channel', 'name', 'scopes', 'unitId']);
      const outside = await t.req('POST', '/admin/partners', { token: admin, body: { ...body, unitId: randomUUID() } });
      expect(outside.status).toBe(400);
      expect(outside.body.errors).toHaveProperty('unitId');

      const r = await t.req('POST', '/admin/partners', { token: admin, body });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ name: '市12345热线平台', channel: 'hotline_12345', scopes: ['file', 'read_own'], unitId: w.unit('D01'), revokedAt: null });
      expect(r.body.apiKey).toMatch(/^zz311_[A-Za-z0-9_-]{43}$/);
      const [row] = await w.sql<Record<string, string>>('SELECT * FROM partners WHERE id = ?', [r.body.id]);
      expect(JSON.stringify(row)).not.toContain(r.body.apiKey.slice(12));
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);

      const list = await t.req('GET', '/admin/partners', { token: admin });
      const listed = list.body.items.find((p: { id: string }) => p.id === r.body.id);
      expect(listed).toMatchObject({ name: '市12345热线平台', keyPrefix: r.body.apiKey.slice(0, 12) });
      expect(JSON.stringify(list.body)).not.toContain(r.body.apiKey);
      expect(listed).not.toHaveProperty('keyHash');
    });

    it('a revoked key is refused at once (403 in the spec shape), and its use is audited', async () => {
      const p = await issue({ name: '区住建局系统', channel: 'department', scopes: ['file', 'read_own'], unitId: w.unit('D01') });
      expect((await call('GET', `requests.json?api_key=${p.apiKey}`)).status).toBe(200);
      expect((await t.req('DELETE', `/admin/partners/${p.id}`, { token: admin })).status).toBe(200);
      const r = await call('GET', `requests.json?api_key=${p.apiKey}`);
      expect(r.status).toBe(403);
      expectValid('errors', r.body);
      expect(r.body[0]).toEqual({ code: 403, description: 'api_key 已被吊销' });
      expect((await t.req('DELETE', `/admin/partners/${randomUUID()}`, { token: admin })).status).toBe(404);
      const audit = await w.sql<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'partner.call' AND actor_id = ? ORDER BY at", [p.id]);
      expect(audit.map((a) => JSON.parse(a.detail).status)).toEqual([200, 403]);
      // The key itself never reaches the log.
      expect(JSON.stringify(await w.sql("SELECT * FROM audit_log WHERE actor_id = ?", [p.id]))).not.toContain(p.apiKey);
    });
  });

  describe('responses validate against the GeoReport v2 schemas', () => {
    let key: string;
    beforeAll(async () => {
      key = (await issue({ name: '城市大脑', channel: 'department', scopes: ['file', 'read_own', 'read_public'], unitId: w.unit('D01') })).apiKey;
    });

    it('discovery, services and service definitions, JSON and XML', async () => {
      const d = await call('GET', 'discovery.json');
      expect(d.status).toBe(200);
      expect(d.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expectValid('discovery', d.body);
      expect(d.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${t.origin}/open311/v2`, formats: ['text/xml', 'application/json'] });
      const dx = await call('GET', 'discovery.xml');
      expect(dx.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(dx.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><discovery><changeset>/);
      expect(dx.text).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');

      const s = await call('GET', `services.json?api_key=${key}`);
      expectValid('services', s.body);
      expect(s.body).toHaveLength(16);
      expect(s.body.find((x: { service_code: string }) => x.service_code === 'labor')).toMatchObject({ service_name: '劳动争议/欠薪', metadata: true, type: 'realtime', group: '矛盾纠纷' });
      const sx = await call('GET', `services.xml?api_key=${key}`);
      expect(sx.text).toContain('<service><service_code>labor</service_code><service_name>劳动争议/欠薪</service_name>');
      expect(sx.text).toContain('<metadata>true</metadata>');

      for (const code of ['labor', 'campus', 'urban']) {
        const def = await call('GET', `services/${code}.json?api_key=${key}`);
        expect(def.status).toBe(200);
        expectValid('service-definition', def.body);
      }
      const campus = await call('GET', `services/campus.xml?api_key=${key}`);
      expect(campus.text).toContain('<values><value><key>yes</key><name>是</name></value>');
      const missing = await call('GET', 'services/potholes.json');
      expect(missing.status).toBe(404);
      expectValid('errors', missing.body);
    });

    it('POST requests, GET requests, requests/{id} and tokens, JSON and XML; every error case too', async () => {
      const at = wgs(PLACE.westGrid1);
      const order = `SCHEMA-${randomUUID().slice(0, 8)}`;
      const form: [string, string][] = [
        ['api_key', key],
        ['service_code', 'urban'],
        ['lat', at.lat.toFixed(6)],
        ['long', at.lng.toFixed(6)],
        ['description', '路口井盖缺失,夜间有行人差点掉进去 <b>&</b>'],
        ['attribute[external_id]', order],
      ];
      const post = await call('POST', 'requests.json', { form });
      expect(post.status).toBe(200);
      expectValid('post-request-response', post.body);
      const code = post.body[0].service_request_id;
      expect(code).toMatch(/^[0-9A-Z-]+$/);

      const list = await call('GET', `requests.json?api_key=${key}&service_code=urban`);
      expectValid('service-requests', list.body);
      expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(code);
      const one = await call('GET', `requests/${code}.json?api_key=${key}`);
      expectValid('service-requests', one.body);
      expect(one.body).toHaveLength(1);
      expect(one.body[0]).toMatchObject({ service_request_id: code, status: 'open', service_code: 'urban', extended_attributes: { detailed_status: 'for_triage', product_status: 'submitted' } });
      expect(one.body[0].requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      const xml = await call('GET', `requests/${code}.xml?api_key=${key}`);
      expect(xml.text).toContain(`<service_requests><request><service_request_id>${code}</service_request_id><status>open</status>`);
      expect(xml.text).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
      const tok = await call('GET', `tokens/${order}.json?api_key=${key}`);
      expectValid('token-response', tok.body);
      expect(tok.body).toEqual([{ token: order, service_request_id: code }]);
      const px = await call('POST', 'requests.xml', { form: [...form.filter(([k]) => k !== 'attribute[external_id]'), ['attribute[external_id]', `${order}-x`]] });
      expect(px.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><service_requests><request><service_request_id>[0-9A-Z-]+<\/service_request_id><service_notice>/);

      // A client posting JSON instead of a form is read alike.
      const json = await fetch(`${t.origin}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: key, service_code: 'urban', address_string: '西城幸福路', description: '垃圾堆积', 'attribute[external_id]': `${order}-j` }),
      });
      expect(json.status).toBe(200);
      expectValid('post-request-response', await json.json());

      const errorCases: [string, string, [string, string][] | undefined, number][] = [
        ['POST', 'requests.json', [['service_code', 'urban'], ['description', 'x'], ['address_string', '幸福路']], 403],
        ['POST', 'requests.json', [['api_key', 'zz311_wrong'], ['service_code', 'urban']], 403],
        ['POST', 'requests.json', [['api_key', key], ['description', '没有类别']], 400],
        ['POST', 'requests.json', [['api_key', key], ['service_code', 'potholes'], ['description', 'x'], ['address_string', 'y']], 404],
        ['POST', 'requests.json', [['api_key', key], ['service_code', 'urban'], ['description', 'x'.repeat(4001)], ['lat', '39.9']], 400],
        ['GET', `requests.json`, undefined, 403],
        ['GET', `requests.json?api_key=${key}&start_date=2026-01-01T00:00:00`, undefined, 400],
        ['GET', `requests.json?api_key=${key}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`, undefined, 400],
        ['GET', `requests.json?api_key=${key}&status=in_progress`, undefined, 400],
        ['GET', `requests/XXXXXXXXXXXX.json?api_key=${key}`, undefined, 404],
        ['GET', `tokens/unknown-order.json?api_key=${key}`, undefined, 404],
        ['GET', `requests.json?api_key=${key}&jurisdiction_id=999999`, undefined, 404],
      ];
      const before = await ticketCount();
      for (const [method, path, f, status] of errorCases) {
        const r = await call(method, path, { form: f });
        expect([path, f?.map(([k]) => k).join(','), r.status]).toEqual([path, f?.map(([k]) => k).join(','), status]);
        expectValid('errors', r.body);
        expect(r.body.every((e: { code: number }) => e.code === status)).toBe(true);
        const x = await call(method, path.replace('.json', '.xml'), { form: f });
        expect(x.status).toBe(status);
        expect(x.text).toMatch(new RegExp(`^<\\?xml version="1.0" encoding="utf-8"\\?><errors><error><code>${status}</code><description>`));
      }
      expect(await ticketCount()).toBe(before); // bad input saved nothing
      // Each bad field is named.
      const named = await call('POST', 'requests.json', { form: [['api_key', key], ['service_code', 'campus'], ['description', '学校门口有人打架'], ['lat', '39.9'], ['phone', '12'], ['attribute[involves_minor]', 'maybe']] });
      expect(named.body.map((e: { description: string }) => e.description.split(':')[0]).sort()).toEqual(['attribute[involves_minor]', 'attribute[school_name]', 'long', 'phone']);
    });

    it('the schemas are strict enough to catch the usual mistakes', () => {
      expect(schemas.services([{ service_code: 'urban', service_name: '市政市容', metadata: 'false', type: 'realtime' }])).toBe(false);
      expect(schemas['service-requests']([{ service_request_id: 1, status: 'open', service_code: 'urban', requested_datetime: '2026-01-01T00:00:00+08:00' }])).toBe(false);
      expect(schemas['service-requests']([{ service_request_id: '1', status: 'in_progress', service_code: 'urban', requested_datetime: '2026-01-01T00:00:00+08:00' }])).toBe(false);
      expect(schemas['service-requests']([{ service_request_id: '1', status: 'open', service_code: 'urban', requested_datetime: '2026-01-01T00:00:00' }])).toBe(false);
      expect(schemas['post-request-response']([{ service_request_id: '1', token: 'a' }])).toBe(false);
    });
  });

  describe('a fake 12345 platform files, follows and sees the case closed', () => {
    /** What a 12345 platform's Open311 client does: POST a work order, then poll its status by case code. */
    class Fake12345 {
      constructor(private readonly key: string) {}
      async file(order: { no: string; text: string; lat: number; lng: number; phone: string }) {
        const r = await call('POST', 'requests.json', {
          form: [
            ['api_key', this.key],
            ['service_code', 'neighbor'],
            ['lat', order.lat.toFixed(6)],
            ['long', order.lng.toFixed(6)],
            ['description', order.text],
            ['phone', order.phone],
            ['first_name', '张'],
            ['attribute[external_id]', order.no],
          ],
        });
        if (r.status !== 200) throw new Error(`file: ${r.status} ${r.text}`);
        return r.body[0].service_request_id as string;
      }
      async follow(code: string) {
        const r = await call('GET', `requests.json?api_key=${this.key}&service_request_id=${code}`);
        expectValid('service-requests', r.body);
        return r.body[0] as { status: string; status_notes: string; extended_attributes: { detailed_status: string; product_status: string }; updated_datetime: string };
      }
      /** The XML variant, read as a plain client would. */
      async statusXml(code: string) {
        const r = await call('GET', `requests/${code}.xml?api_key=${this.key}`);
        return /<status>(open|closed)<\/status>/.exec(r.text)?.[1];
      }
    }

    it('filed as hotline_12345 through the common intake, idempotent by the order number, followed to closed', async () => {
      const p = await issue({ name: '市12345热线平台', channel: 'hotline_12345', scopes: ['file', 'read_own'], unitId: w.unit('D01') });
      const platform = new Fake12345(p.apiKey);
      const at = wgs(PLACE.eastGrid2);
      const order = { no: `GD${Date.now()}`, text: '邻居装修漏水到我家,多次协调未果,对方情绪激动,扬言要去上访', lat: at.lat, lng: at.lng, phone: '13800138000' };
      const before = await ticketCount();
      const [code, again] = [await platform.file(order), await platform.file(order)];
      expect(again).toBe(code);
      // Two platforms' workers re-sending at once still end in one case.
      const raced = await Promise.all([1, 2, 3].map(() => platform.file({ ...order, no: `${order.no}-R` })));
      expect(new Set(raced).size).toBe(1);
      expect(await ticketCount()).toBe(before + 2);

      const row = await ticketByCode(code);
      expect(row).toMatchObject({ channel: 'hotline_12345', category: 'neighbor', risk_level: 'medium', status: 'submitted', contact_phone: '13800138000', unit_id: w.unit('D01S01'), reporter_id: p.id });
      expect(Number(row.lat)).toBeCloseTo(PLACE.eastGrid2.lat, 5); // WGS84 in, GCJ-02 stored

      const seen: string[] = [];
      const step = async () => {
        const s = await platform.follow(code);
        seen.push(`${s.status}/${s.extended_attributes.detailed_status}`);
        return s;
      };
      await step();
      const sd = await t.staff('street-dispatcher');
      const handler = await t.staff('handler');
      await w.must(sd, row.id, 'accept');
      await step();
      await w.must(sd, row.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      const dispatched = await step();
      expect(dispatched).toMatchObject({ status: 'open' });
      await w.must(handler, row.id, 'sign');
      await step();
      await w.must(handler, row.id, 'feedback', { outcome: 'mediated', note: '双方达成调解协议' });
      const resolved = await step();
      expect(resolved.status_notes).toBe('已办结:调解成功');
      await w.must(sd, row.id, 'return_visit', { method: 'phone', note: '电话回访,当事人表示满意' });
      const closed = await step();
      expect(seen).toEqual(['open/for_triage', 'open/investigating', 'open/action_scheduled', 'open/in_progress', 'closed/fixed', 'closed/closed']);
      expect(closed.extended_attributes.product_status).toBe('closed');
      expect(await platform.statusXml(code)).toBe('closed');
      // Every call of the key is in the audit log, with the case code where there is one.
      const audit = await w.sql<{ target_id: string | null; actor_role: string; actor_label: string }>("SELECT target_id, actor_role, actor_label FROM audit_log WHERE action = 'partner.call' AND actor_id = ?", [p.id]);
      expect(audit.length).toBe(2 + 3 + seen.length + 1);
      expect(audit.filter((a) => a.target_id === code).length).toBeGreaterThanOrEqual(3);
      expect(audit[0]).toMatchObject({ actor_role: 'partner', actor_label: '市12345热线平台' });
    });
  });

  describe('privacy per key type', () => {
    let hotline: { id: string; apiKey: string };
    let dashboard: { id: string; apiKey: string };
    let westStreet: { id: string; apiKey: string };
    let fileOnly: { id: string; apiKey: string };
    let privateCode: string;
    let publicCode: string;
    let westCode: string;
    const at = wgs(PLACE.eastGrid1);

    beforeAll(async () => {
      hotline = await issue({ name: '110', channel: 'police_110', scopes: ['file', 'read_own'], unitId: w.unit('D01') });
      dashboard = await issue({ name: '城市大脑看板', channel: 'department', scopes: ['read_public'], unitId: w.unit('D01S01') });
      westStreet = await issue({ name: '西城街道系统', channel: 'department', scopes: ['file', 'read_public'], unitId: w.unit('D01S02') });
      fileOnly = await issue({ name: '只提交', channel: 'department', scopes: ['file'], unitId: w.unit('D01') });
      const file = async (key: string, code: string, text: string, p = at) => {
        const r = await call('POST', 'requests.json', { form: [['api_key', key], ['service_code', code], ['lat', p.lat.toFixed(6)], ['long', p.lng.toFixed(6)], ['description', text], ['phone', '13900139000'], ['email', 'a@b.cn']] });
        if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
        return r.body[0].service_request_id as string;
      };
      privateCode = await file(hotline.apiKey, 'family', '丈夫酗酒后殴打妻子,邻居听到呼救,联系电话13912345678');
      publicCode = await file(hotline.apiKey, 'urban', '幸福路路灯坏了一个多月,晚上很黑');
      westCode = await file(westStreet.apiKey, 'urban', '西城幸福路垃圾堆积发臭', wgs(PLACE.westGrid1));
    });

    it('a public key lists only public-space categories of its area, rounded, without text or address', async () => {
      const s = await call('GET', `services.json?api_key=${dashboard.apiKey}`);
      expect(s.body.map((x: { service_code: string }) => x.service_code).sort()).toEqual(['environment', 'safety_hazard', 'urban']);
      expect((await call('GET', 'services.json')).body).toHaveLength(3); // no key: the public list
      expect((await call('GET', `services/family.json?api_key=${dashboard.apiKey}`)).status).toBe(404);

      const r = await call('GET', `requests.json?api_key=${dashboard.apiKey}`);
      expect(r.status).toBe(200);
      expectValid('service-requests', r.body);
      const codes = r.body.map((x: { service_request_id: string }) => x.service_request_id);
      expect(codes).toContain(publicCode);
      expect(codes).not.toContain(privateCode);
      expect(codes).not.toContain(westCode); // another street
      expect(r.body.every((x: { service_code: string }) => ['urban', 'safety_hazard', 'environment'].includes(x.service_code))).toBe(true);
      const mine = r.body.find((x: { service_request_id: string }) => x.service_request_id === publicCode);
      expect(mine.description).toBeNull();
      expect(mine.address).toBeNull();
      expect(String(mine.lat).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
      expect(mine.lat).toBeCloseTo(at.lat, 2);
      expect(r.text).not.toContain('13900139000');
      expect(r.text).not.toContain('a@b.cn');
      // A crisis (self-harm raised by the triage) never shows in public reads, whatever its category.
      await w.sql('UPDATE tickets SET urgent = 1 WHERE case_code = ?', [publicCode]);
      expect((await call('GET', `requests/${publicCode}.json?api_key=${dashboard.apiKey}`)).status).toBe(404);
      await w.sql('UPDATE tickets SET urgent = 0 WHERE case_code = ?', [publicCode]);
      // A private case is not there, even asked for by its code.
      expect((await call('GET', `requests/${privateCode}.json?api_key=${dashboard.apiKey}`)).status).toBe(404);
      expect((await call('GET', `requests.json?api_key=${dashboard.apiKey}&service_request_id=${privateCode}`)).body).toEqual([]);
    });

    it('a filing key reads its own cases in full but no contact details, and nobody else’s', async () => {
      const r = await call('GET', 'requests.json', { headers: { 'x-api-key': hotline.apiKey } });
      const codes = r.body.map((x: { service_request_id: string }) => x.service_request_id).sort();
      expect(codes).toEqual([privateCode, publicCode].sort());
      const fam = r.body.find((x: { service_request_id: string }) => x.service_request_id === privateCode);
      expect(fam).toMatchObject({ service_code: 'family', extended_attributes: { channel: 'police_110' } });
      expect(fam.description).toContain('丈夫酗酒后殴打妻子');
      expect(fam.description).not.toContain('13912345678'); // numbers in the text are masked
      expect(fam.lat).toBeCloseTo(at.lat, 5);
      expect(r.text).not.toContain('13900139000');
      expect(r.text).not.toContain('a@b.cn');
      expect((await call('GET', `requests/${westCode}.json?api_key=${hotline.apiKey}`)).status).toBe(404);
    });

    it('a file-only key cannot read; a key cannot file outside its area', async () => {
      const r = await call('GET', `requests.json?api_key=${fileOnly.apiKey}`);
      expect(r.status).toBe(403);
      expectValid('errors', r.body);
      const before = await ticketCount();
      const out = await call('POST', 'requests.json', { form: [['api_key', westStreet.apiKey], ['service_code', 'urban'], ['lat', at.lat.toFixed(6)], ['long', at.lng.toFixed(6)], ['description', '东城的路灯坏了']] });
      expect(out.status).toBe(403);
      expectValid('errors', out.body);
      const readOnly = await call('POST', 'requests.json', { form: [['api_key', dashboard.apiKey], ['service_code', 'urban'], ['lat', at.lat.toFixed(6)], ['long', at.lng.toFixed(6)], ['description', '路灯坏了']] });
      expect(readOnly.status).toBe(403);
      expect(await ticketCount()).toBe(before);
    });
  });

  describe('media_url', () => {
    let key: string;
    beforeAll(async () => {
      key = (await issue({ name: '区城管系统', channel: 'department', scopes: ['file', 'read_own'], unitId: w.unit('D01') })).apiKey;
    });
    const at = wgs(PLACE.eastGrid1);
    const fileWith = (urls: string[]) =>
      call('POST', 'requests.json', { form: [['api_key', key], ['service_code', 'urban'], ['lat', at.lat.toFixed(6)], ['long', at.lng.toFixed(6)], ['description', '井盖缺失'], ...urls.map((u): [string, string] => ['media_url', u])] });

    it('from an allow-listed host goes through the photo pipeline: attached, re-encoded, no GPS left', async () => {
      const before = allowed.hits();
      const r = await fileWith([`http://${allowed.host}/photo.jpg`, `http://${allowed.host}/notes.txt`]);
      expect(r.status).toBe(200);
      expect(allowed.hits()).toBe(before + 2);
      expect(r.body[0].service_notice).toContain('照片未采用');
      const row = await ticketByCode(r.body[0].service_request_id);
      const ticket = (await w.get(await t.staff('dispatcher'), row.id)).body as unknown as { photos: { url: string }[] };
      expect(ticket.photos).toHaveLength(1);
      const bytes = Buffer.from(await (await fetch(t.origin + ticket.photos[0].url)).arrayBuffer());
      expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
      expect(await exifr.gps(bytes)).toBeUndefined();
    });

    it('from any other host (or through a redirect) is never fetched; the report is filed without it', async () => {
      const before = other.hits();
      const r = await fileWith([`http://${other.host}/photo.jpg`, 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd']);
      expect(r.status).toBe(200);
      expect(other.hits()).toBe(before);
      expect(r.body[0].service_notice).toContain('不在允许列表');
      const row = await ticketByCode(r.body[0].service_request_id);
      expect(Number((await w.sql<{ n: number }>('SELECT COUNT(*) n FROM uploads WHERE ticket_id = ?', [row.id]))[0].n)).toBe(0);
      const redirected = await fileWith([`http://${allowed.host}/redirect`]);
      expect(redirected.body[0].service_notice).toContain('HTTP 302');
    });
  });

  describe('rate limits per key', () => {
    it('past its per-minute limit a key gets 429 with Retry-After in the spec shape; another key is unaffected', async () => {
      const slow = await issue({ name: '限流测试', channel: 'department', scopes: ['read_own'], unitId: w.unit('D01'), ratePerMinute: 3 });
      const other311 = await issue({ name: '另一系统', channel: 'department', scopes: ['read_own'], unitId: w.unit('D01'), ratePerMinute: 3 });
      for (let i = 0; i < 3; i++) expect((await call('GET', `requests.json?api_key=${slow.apiKey}`)).status).toBe(200);
      const limited = await call('GET', `requests.json?api_key=${slow.apiKey}`);
      expect(limited.status).toBe(429);
      expectValid('errors', limited.body);
      expect(limited.body[0].code).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      const lx = await call('GET', `requests.xml?api_key=${slow.apiKey}`);
      expect(lx.text).toContain('<errors><error><code>429</code>');
      expect((await call('GET', `requests.json?api_key=${other311.apiKey}`)).status).toBe(200);
      const audit = await w.sql<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'partner.call' AND actor_id = ?", [slow.id]);
      expect(audit.map((a) => JSON.parse(a.detail).status).sort()).toEqual([200, 200, 200, 429, 429]);
    });
  });
});
