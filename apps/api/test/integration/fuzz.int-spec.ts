import { randomUUID } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MAX_BODY_DEPTH } from '../../src/common/body-depth';
import { TEXT, World } from '../factories/world';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface Route {
  method: string;
  path: string;
  query: string[];
  body: boolean;
}

/**
 * Every route the API registers that takes a body or a query string, read
 * from its own OpenAPI document, is fed arbitrary and hostile input as every
 * role: deep nesting, huge and odd numbers, wrong types, long strings. No
 * answer may be a 5xx. The counts by status are written to
 * test/artifacts/fuzz-status.json.
 */
describe('fuzz: every route with a body or query (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let routes: Route[];
  let tokens: (string | undefined)[];
  let ticketId: string;
  const counts: Record<string, number> = {};
  const fiveHundreds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    const doc = (await t.req('GET', '/docs-json')).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>> };
    routes = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        if (query.length || op.requestBody) routes.push({ method: method.toUpperCase(), path, query, body: !!op.requestBody });
      }
    }
    const resident = await t.resident();
    ticketId = (await w.report(resident.token, TEXT.low)).id;
    tokens = [undefined, resident.token];
    for (const u of ['dispatcher', 'street-dispatcher', 'handler', 'leader', 'admin', 'grid-worker']) tokens.push(await t.staff(u));
  });
  afterAll(async () => {
    mkdirSync(join(__dirname, '../artifacts'), { recursive: true });
    writeFileSync(join(__dirname, '../artifacts/fuzz-status.json'), JSON.stringify({ routes: routes?.length, counts }, null, 2));
    console.log(`fuzz: ${routes?.length} routes, statuses ${JSON.stringify(counts)}`);
    await w.close();
    await t.close();
  });

  const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => (/kind/.test(name) ? 'acceptance' : ticketId));

  const huge = fc.constantFrom('1e300', '-1e300', '99999999999999999999', '1e9999', 'NaN', 'Infinity', '-0', '0', '-1', '1.5', '0x10', '1_000', '', ' ', '9007199254740993');
  const nastyString = fc.oneof(huge, fc.string({ maxLength: 40 }), fc.constantFrom("' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '１３９１２３４５６７８', 'a'.repeat(5000), '{"a":1}', '[]'));
  const nastyValue = fc.oneof(
    nastyString,
    fc.constantFrom(1e300, -1e300, 99999999999999999999, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, true, false, null),
    fc.integer(),
    fc.double(),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  );
  const knownKeys = ['text', 'location', 'lat', 'lng', 'address', 'contactPhone', 'anonymous', 'photoIds', 'action', 'note', 'departmentId', 'outcome', 'satisfaction', 'username', 'password', 'phone', 'code', 'refreshToken', 'rules', 'orders', 'visitorName', 'idNumber', 'parties', 'templateIds', 'reason', 'minutes', 'districtId', 'departmentByCategory', 'tierByRisk', 'riskLevel', 'category', 'signMinutes', 'resolveMinutes', 'patrolId', 'ticketIds', 'decision'];
  /** A JSON text: arbitrary, shaped like our bodies with hostile values, or nested far too deep. */
  const bodyText = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.dictionary(fc.constantFrom(...knownKeys), nastyValue, { maxKeys: 6 }).map((v) => JSON.stringify(v)),
    fc.record({ rules: fc.array(fc.dictionary(fc.constantFrom(...knownKeys), nastyValue, { maxKeys: 5 }), { maxLength: 3 }) }).map((v) => JSON.stringify(v)),
    fc.tuple(fc.integer({ min: MAX_BODY_DEPTH - 2, max: 3000 }), fc.boolean()).map(([d, arr]) => (arr ? '['.repeat(d) + ']'.repeat(d) : '{"text":'.repeat(d) + '1' + '}'.repeat(d))),
    fc.constantFrom('{"page":1e300}', '{"signMinutes":99999999999999999999}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{', '"x"', 'null', ''),
  );

  const tally = (status: number, what: string) => {
    counts[status] = (counts[status] ?? 0) + 1;
    if (status >= 500) fiveHundreds.push(`${status} ${what}`);
  };

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.filter((r) => r.body).length).toBeGreaterThanOrEqual(10);
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/reports', '/api/v1/auth/login']));
  });

  it('no 5xx, whatever the body, query and role', async () => {
    let k = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          route.body ? bodyText : fc.constant(undefined),
          fc.dictionary(fc.constantFrom(...(route.query.length ? route.query : ['page'])), nastyString, { maxKeys: 4 }),
          fc.nat(),
          async (raw, q, who) => {
            const token = tokens[(who + k++) % tokens.length];
            const qs = route.query.length ? `?${new URLSearchParams(q as Record<string, string>).toString()}` : '';
            const url = fill(route.path) + qs;
            const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
            if (token) headers.authorization = `Bearer ${token}`;
            if (raw !== undefined) headers['content-type'] = 'application/json';
            const res = await fetch(t.origin + url, { method: route.method, headers, body: raw });
            tally(res.status, `${route.method} ${url} ${String(raw).slice(0, 200)}`);
            expect(res.status).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    }
    expect(fiveHundreds).toEqual([]);
  });

  it('every route with a body refuses JSON nested 2,000 deep with 400 naming the body, before validation', async () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const admin = await t.staff('admin');
    for (const route of routes.filter((r) => r.body)) {
      const res = await t.req(route.method, fill(route.path), { token: admin, raw: deep, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } });
      tally(res.status, `${route.method} ${route.path} deep`);
      expect([route.path, res.status]).toEqual([route.path, 400]);
      expect(res.body.errors).toHaveProperty('body');
    }
  });

  it('page=1e300 and page=99999999999999999999 are 400 naming the field, on every route with a page', async () => {
    const admin = await t.staff('admin');
    const paged = routes.filter((r) => r.method === 'GET' && r.query.includes('page'));
    expect(paged.length).toBeGreaterThanOrEqual(2);
    for (const route of paged) {
      for (const page of ['1e300', '99999999999999999999', '10001']) {
        const res = await t.req('GET', `${fill(route.path)}?page=${page}`, { token: admin });
        tally(res.status, `${route.path} page=${page}`);
        expect([route.path, page, res.status]).toEqual([route.path, page, 400]);
        expect(res.body.errors).toHaveProperty('page');
      }
    }
  });
});
