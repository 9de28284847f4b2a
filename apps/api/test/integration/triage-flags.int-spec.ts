import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { TRIAGE_FLAGS } from '@zongzhi/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';

const HINTED = '最近欠了一屁股债,老婆也带着孩子走了,我把摩托车和手机都送给了工友,以后就不回来了';
const LOOKALIKE = '天天加班累死了,老板还扣钱,气死我了';

describe('triage flags: POST /triage and the stored triage of every ticket (MariaDB)', () => {
  let t: TestApp;
  let resident: { token: string };
  let dispatcher: string;

  beforeAll(async () => {
    t = await startTestApp();
    resident = await t.resident();
    dispatcher = await t.staff('dispatcher');
  });
  afterAll(() => t.close());

  it('POST /triage answers with flags, each a known code quoting the words that raised it', async () => {
    const r = await t.req('POST', '/triage', { token: resident.token, body: { text: HINTED } });
    expect(r.status).toBe(200);
    expect(r.body.riskLevel).toBe('high');
    const flags = r.body.flags as { code: string; evidence: string }[];
    expect(flags.map((f) => f.code)).toContain('self_harm');
    for (const f of flags) {
      expect(TRIAGE_FLAGS).toContain(f.code);
      for (const part of f.evidence.split(/[、()]/).filter(Boolean)) expect(HINTED).toContain(part.replace(/…$/, ''));
    }
  });

  it('a look-alike ("累死了", "气死我了") raises no self_harm and an empty list is still a list', async () => {
    const r = await t.req('POST', '/triage', { token: resident.token, body: { text: LOOKALIKE } });
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.flags)).toBe(true);
    expect(r.body.flags.map((f: { code: string }) => f.code)).not.toContain('self_harm');
  });

  it('a filed report stores its flags with the triage; the reporter and the dispatchers both get them back', async () => {
    const filed = await t.req('POST', '/reports', { token: resident.token, body: { text: HINTED }, headers: { 'idempotency-key': randomUUID() } });
    expect(filed.status).toBe(201);
    expect(filed.body.triage.flags.map((f: { code: string }) => f.code)).toContain('self_harm');

    const c = await createConnection(t.dbUrl);
    const [rows] = await c.query('SELECT triage FROM tickets WHERE id = ?', [filed.body.id]);
    await c.end();
    const raw = (rows as { triage: string | object }[])[0].triage;
    const stored = typeof raw === 'string' ? JSON.parse(raw) : raw;
    expect(stored.flags).toEqual(filed.body.triage.flags);

    const seen = await t.req('GET', `/tickets/${filed.body.id}`, { token: dispatcher });
    expect(seen.status).toBe(200);
    expect(seen.body.triage.flags).toEqual(filed.body.triage.flags);
  });

  it('a ticket stored before flags existed answers with an empty list, not undefined', async () => {
    const filed = await t.req('POST', '/reports', { token: resident.token, body: { text: '路灯坏了好几天' }, headers: { 'idempotency-key': randomUUID() } });
    expect(filed.status).toBe(201);
    const c = await createConnection(t.dbUrl);
    const old = { ...filed.body.triage };
    delete old.flags;
    await c.query('UPDATE tickets SET triage = ? WHERE id = ?', [JSON.stringify(old), filed.body.id]);
    await c.end();
    const seen = await t.req('GET', `/tickets/${filed.body.id}`, { token: dispatcher });
    expect(seen.status).toBe(200);
    expect(seen.body.triage.flags).toEqual([]);
  });
});
