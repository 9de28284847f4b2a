import { idCardCheckChar } from '@zongzhi/shared';
import { startTestApp, uniquePhone, type Res, type TestApp } from '../helpers/test-app';
import { PLACE, World } from '../factories/world';

/** A valid ID number born on this date, with a random sequence part. */
function idNumber(birth = '19850612'): string {
  const first17 = `110105${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

describe('walk-ins (来访登记) (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  const written: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    // Capture everything the server writes, as in privacy-logs: the ID number must never reach a log.
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    t = await startTestApp({ NODE_ENV: 'development' });
    w = await World.create(t);
  });
  afterAll(async () => {
    restore.forEach((r) => r());
    await w.close();
    await t.close();
  });

  it('registers a visitor end to end: a walk_in ticket accepted at once, the ID number masked in every response and log, encrypted at rest', async () => {
    const dispatcher = await t.staff('street-dispatcher');
    const id = idNumber();
    const phone = uniquePhone();
    const bodies: Res[] = [];
    const keep = (r: Res) => (bodies.push(r), r);

    const r = keep(
      await t.req('POST', '/walk-ins', {
        token: dispatcher,
        body: {
          visitorName: '王秀英',
          phone,
          idNumber: id,
          text: `来访人(身份证${id})反映:隔壁邻居装修噪音大,晚上十点后仍在施工`,
          parties: ['隔壁 302 住户 李某', `本人 王秀英 ${id}`],
          location: PLACE.eastGrid1,
        },
      }),
    );
    expect(r.status).toBe(201);
    const masked = `${id.slice(0, 3)}***********${id.slice(-4)}`;
    expect(r.body.visitor).toEqual({ name: '王秀英', phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, idNumber: masked });
    expect(r.body.ticket).toMatchObject({ channel: 'walk_in', status: 'accepted', caseCode: expect.any(String) });
    expect(r.body.ticket.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept']);
    expect(r.body.ticket.triage).toMatchObject({ category: expect.any(String), riskLevel: expect.any(String) });
    expect(r.body.ticket.text).toContain(masked);
    expect(r.body.parties[1]).toContain(masked);
    const ticketId = r.body.ticket.id as string;

    keep(await t.req('GET', `/walk-ins/${r.body.id}`, { token: dispatcher }));
    const maskedPhone = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    expect(r.body.ticket.contactPhone).toBe(maskedPhone);
    // The registering dispatcher is the ticket's reporter, but the phone is the visitor's: masked for them too.
    expect(keep(await t.req('GET', `/tickets/${ticketId}`, { token: dispatcher })).body.contactPhone).toBe(maskedPhone);
    const listed = keep(await t.req('GET', '/tickets?pageSize=50', { token: dispatcher }));
    expect(listed.body.items.find((x: { id: string }) => x.id === ticketId).contactPhone).toBe(maskedPhone);
    const doc = keep(await t.req('GET', `/tickets/${ticketId}/documents/acceptance`, { token: dispatcher }));
    expect(doc.status).toBe(200);
    expect(doc.body).toContain('受理告知单');
    expect(doc.body).toContain(r.body.ticket.caseCode);
    keep(await t.req('GET', `/reports/lookup?caseCode=${r.body.ticket.caseCode}&phone=${phone}`));

    // Other centres see nothing; only dispatchers register.
    expect(keep(await t.req('GET', `/walk-ins/${r.body.id}`, { token: await w.staff('dispatcher', 'D01S02') })).status).toBe(404);
    expect(keep(await t.req('POST', '/walk-ins', { token: await t.staff('handler'), body: {} })).status).toBe(403);

    for (const b of bodies) expect(JSON.stringify(b.body)).not.toContain(id);
    expect(written.join('')).toContain('walk-ins'); // the capture works: the route table was logged
    expect(written.join('')).not.toContain(id);
    expect(written.join('')).not.toContain(id.slice(0, 17));

    // At rest: encrypted, never the plain number; the ticket text carries only the masked form.
    const [row] = await w.sql<Record<string, string>>('SELECT * FROM walk_ins WHERE id = ?', [r.body.id]);
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain('王秀英');
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(row.id_number_enc).toMatch(/^v1:/);
    expect(row.id_number_masked).toBe(masked);
    expect(JSON.stringify(await w.row(ticketId))).not.toContain(id);
  });

  it.each([
    ['a wrong check character', (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'), '校验位'],
    ['an impossible birth date', () => { const f = '11010519850230123'; return f + idCardCheckChar(f); }, '出生日期'],
    ['17 digits', (id: string) => id.slice(0, 17), '18位'],
  ])('refuses %s with 400 on idNumber, without echoing it', async (_, make, says) => {
    const bad = make(idNumber());
    const r = await t.req('POST', '/walk-ins', { token: await t.staff('street-dispatcher'), body: { visitorName: '张三', phone: uniquePhone(), idNumber: bad, text: '邻居噪音扰民' } });
    expect(r.status).toBe(400);
    expect(r.body.errors.idNumber).toContain(says);
    expect(JSON.stringify(r.body)).not.toContain(bad);
  });

  it('names every missing field', async () => {
    const r = await t.req('POST', '/walk-ins', { token: await t.staff('street-dispatcher'), body: {} });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.errors).sort()).toEqual(['idNumber', 'phone', 'text', 'visitorName']);
  });
});
