import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { checkCaseCode, normalizeCaseCode, CASE_CODE_ALPHABET } from '@zongzhi/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('reports and tickets (MariaDB)', () => {
  let t: TestApp;
  let alice: { token: string; phone: string; userId: string };
  let bob: { token: string; phone: string; userId: string };

  const report = (token: string, body: unknown, key: string | null = randomUUID()) =>
    t.req('POST', '/reports', { token, body, headers: key === null ? {} : { 'idempotency-key': key } });

  beforeAll(async () => {
    t = await startTestApp();
    alice = await t.resident();
    bob = await t.resident();
  });
  afterAll(() => t.close());

  it('files a report as a ticket with a valid case code, triage and a history row', async () => {
    const r = await report(alice.token, { text: '楼上邻居天天半夜装修噪音太大,沟通过没用', contactPhone: alice.phone });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: expect.any(String), status: 'submitted', channel: 'miniprogram' });
    expect(checkCaseCode(r.body.caseCode)).toEqual({ valid: true, code: r.body.caseCode });
    expect(r.body.triage).toMatchObject({ category: expect.any(String), riskLevel: expect.any(String), tier: expect.any(String) });
    const got = await t.req('GET', `/tickets/${r.body.id}`, { token: alice.token });
    expect(got.status).toBe(200);
    expect(got.body.history).toHaveLength(1);
    expect(got.body.history[0]).toMatchObject({ action: 'submit', fromStatus: null, toStatus: 'submitted' });
    expect(got.body.allowedActions).toEqual(['comment']);
  });

  it('replays the same Idempotency-Key as the same ticket (200), never a second one', async () => {
    const key = randomUUID();
    const first = await report(alice.token, { text: '小区门口井盖丢了' }, key);
    const again = await report(alice.token, { text: '小区门口井盖丢了' }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.caseCode).toBe(first.body.caseCode);
  });

  it('creates exactly one ticket when identical requests race', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 12 }, () => report(alice.token, { text: '路灯坏了一个月没人修' }, key)));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(11);
    const c = await createConnection(t.dbUrl);
    const [rows] = await c.query('SELECT COUNT(*) n FROM tickets WHERE idempotency_key = ?', [key]);
    const [hist] = await c.query('SELECT COUNT(*) n FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id WHERE t.idempotency_key = ?', [key]);
    await c.end();
    expect(Number((rows as { n: number }[])[0].n)).toBe(1);
    expect(Number((hist as { n: number }[])[0].n)).toBe(1);
  });

  it('keeps keys per person: the same key from another resident is another ticket', async () => {
    const key = randomUUID();
    const a = await report(alice.token, { text: '垃圾堆在楼下好几天' }, key);
    const b = await report(bob.token, { text: '垃圾堆在楼下好几天' }, key);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  describe('bad input answers 400 with the field named and saves nothing', () => {
    const cases: [string, unknown, string][] = [
      ['missing text', {}, 'text'],
      ['empty text', { text: '' }, 'text'],
      ['blank text', { text: '   \n ' }, 'text'],
      ['text over 2000 characters', { text: '吵'.repeat(2001) }, 'text'],
      ['non-string text', { text: 12345 }, 'text'],
      ['unknown field', { text: '路灯坏了', priority: 'urgent' }, 'priority'],
      ['latitude out of range', { text: '路灯坏了', location: { lat: 91, lng: 116.3 } }, 'location.lat'],
      ['longitude out of range', { text: '路灯坏了', location: { lat: 39.9, lng: -181 } }, 'location.lng'],
      ['latitude not a number', { text: '路灯坏了', location: { lat: '39.9', lng: 116.3 } }, 'location.lat'],
      ['malformed phone', { text: '路灯坏了', contactPhone: '1380013800' }, 'contactPhone'],
      ['unknown channel', { text: '路灯坏了', channel: 'fax' }, 'channel'],
      ['a channel residents may not use', { text: '路灯坏了', channel: 'walk_in' }, 'channel'],
      ['non-boolean anonymous', { text: '路灯坏了', anonymous: 'yes' }, 'anonymous'],
    ];
    it.each(cases)('%s', async (_name, body, field) => {
      const before = await countTickets();
      const r = await report(alice.token, body);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('VALIDATION');
      expect(r.body.errors).toHaveProperty([field]);
      expect(await countTickets()).toBe(before);
    });

    it.each([
      ['missing', null],
      ['not a UUID', 'abc'],
      ['too long', 'x'.repeat(100)],
    ])('Idempotency-Key %s', async (_name, key) => {
      const r = await report(alice.token, { text: '路灯坏了' }, key);
      expect(r.status).toBe(400);
      expect(r.body.errors).toHaveProperty(['Idempotency-Key']);
    });

    it('a body that is not an object', async () => {
      const r = await t.req('POST', '/reports', { token: alice.token, raw: '[1,2]', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } });
      expect(r.status).toBe(400);
    });
  });

  it('needs a login', async () => {
    expect((await report('', { text: '路灯坏了' })).status).toBe(401);
  });

  it('lists only the resident’s own reports under mine', async () => {
    const mine = await t.req('GET', '/reports/mine', { token: bob.token });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items.every((x: { text: string }) => x.text === '垃圾堆在楼下好几天')).toBe(true);
  });

  describe('who may see a ticket', () => {
    let ticket: { id: string; caseCode: string };
    beforeAll(async () => {
      // Inside 东城幸福社区第1网格 (lng 116.30–116.35, lat 39.85–39.90); a neighbour quarrel is low risk → community queue.
      const r = await report(alice.token, { text: '邻居在楼道里堆放杂物,影响通行', location: { lat: 39.87, lng: 116.32, address: '幸福小区3号楼' } });
      ticket = r.body;
    });

    it('another resident gets 404, exactly as for a ticket that does not exist', async () => {
      const other = await t.req('GET', `/tickets/${ticket.id}`, { token: bob.token });
      const none = await t.req('GET', `/tickets/${randomUUID()}`, { token: bob.token });
      expect(other.status).toBe(404);
      expect(other.body).toEqual(none.body);
    });

    it('staff of the ticket’s unit see it with the engine’s reasons; staff elsewhere get 404', async () => {
      const street = await t.req('GET', `/tickets/${ticket.id}`, { token: await t.staff('street-dispatcher') });
      expect(street.status).toBe(200);
      expect(street.body.triage.reasons.length).toBeGreaterThan(0);
      expect(street.body.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(street.body.gridId).toEqual(expect.any(String));
      expect((await t.req('GET', `/tickets/${ticket.id}`, { token: await t.staff('leader') })).status).toBe(200);
      expect((await t.req('GET', `/tickets/${ticket.id}`, { token: await t.staff('grid-worker') })).status).toBe(200);
      // Not dispatched to them: another department's handler sees nothing.
      expect((await t.req('GET', `/tickets/${ticket.id}`, { token: await t.staff('hrss-handler') })).status).toBe(404);
    });

    it('a malformed id is a 404 too', async () => {
      expect((await t.req('GET', '/tickets/not-a-uuid', { token: alice.token })).status).toBe(404);
    });

    it('staff lists are scoped and paginated', async () => {
      const list = await t.req('GET', '/tickets?pageSize=2', { token: await t.staff('leader') });
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeLessThanOrEqual(2);
      expect(list.body.total).toBeGreaterThanOrEqual(5);
      expect((await t.req('GET', '/tickets?pageSize=51', { token: await t.staff('leader') })).status).toBe(400);
      const handler = await t.req('GET', '/tickets', { token: await t.staff('hrss-handler') });
      expect(handler.body.total).toBe(0);
    });
  });

  it('routes a report without location to the district centre, flagged 位置待核实', async () => {
    const r = await report(alice.token, { text: '小区路灯坏了好几盏' });
    const staffView = await t.req('GET', `/tickets/${r.body.id}`, { token: await t.staff('dispatcher') });
    expect(staffView.status).toBe(200);
    expect(staffView.body.locationUnverified).toBe(true);
    // The street centre does not see a ticket it has not been given.
    expect((await t.req('GET', `/tickets/${r.body.id}`, { token: await t.staff('street-dispatcher') })).status).toBe(404);
  });

  describe('public lookup by case code and phone', () => {
    let code: string;
    beforeAll(async () => {
      code = (await report(alice.token, { text: '物业费乱收费', contactPhone: alice.phone })).body.caseCode;
    });

    it('shows status and public history when the phone matches', async () => {
      const r = await t.req('GET', `/reports/lookup?caseCode=${encodeURIComponent(code)}&phone=${alice.phone}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ caseCode: code, status: 'submitted', history: [expect.objectContaining({ action: 'submit' })] });
      expect(r.body).not.toHaveProperty('text');
    });

    it('accepts the code typed in lower case without dashes', async () => {
      const typed = normalizeCaseCode(code).toLowerCase();
      expect((await t.req('GET', `/reports/lookup?caseCode=${typed}&phone=${alice.phone}`)).status).toBe(200);
    });

    it('404 when the phone does not match', async () => {
      expect((await t.req('GET', `/reports/lookup?caseCode=${code}&phone=${bob.phone}`)).status).toBe(404);
    });

    it('400 on a mistyped code, before any lookup', async () => {
      const c = normalizeCaseCode(code);
      const v = CASE_CODE_ALPHABET.indexOf(c[8]);
      const typo = c.slice(0, 8) + CASE_CODE_ALPHABET[(v + 1) % 31] + c.slice(9);
      const r = await t.req('GET', `/reports/lookup?caseCode=${typo}&phone=${alice.phone}`);
      expect(r.status).toBe(400);
      expect(r.body.errors).toHaveProperty('caseCode');
    });

    it('400 with both fields named when they are missing', async () => {
      const r = await t.req('GET', '/reports/lookup');
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.errors).sort()).toEqual(['caseCode', 'phone']);
    });
  });

  async function countTickets(): Promise<number> {
    const c = await createConnection(t.dbUrl);
    const [rows] = await c.query('SELECT COUNT(*) n FROM tickets');
    await c.end();
    return Number((rows as { n: number }[])[0].n);
  }
});
