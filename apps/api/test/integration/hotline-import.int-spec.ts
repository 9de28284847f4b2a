import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { World } from '../factories/world';

describe('12345 / 110 referrals import (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let dispatcher: string;
  const no = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;
  const send = (body: unknown, token = dispatcher) => t.req('POST', '/imports/hotline', { token, body });
  const upload = (bytes: Buffer, token = dispatcher) => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/csv' }), 'orders.csv');
    return fetch(`${t.origin}/api/v1/imports/hotline`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).then(async (r) => ({ status: r.status, body: await r.json() }));
  };
  const ticketCount = async () => Number((await w.sql<{ n: number }>('SELECT COUNT(*) n FROM tickets'))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    dispatcher = await t.staff('dispatcher');
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  it('a batch with a duplicate and a malformed row keeps the good rows; re-sending it creates nothing new', async () => {
    const [a, b, c] = [no('A'), no('B'), no('C')];
    const batch = {
      orders: [
        { orderNo: a, text: '公司拖欠我三个月工资共两万元,多次讨要未果', callerPhone: '13800138000', address: '东城街道幸福路8号', receivedAt: '2026-03-01 09:30' },
        { orderNo: b, text: '小区门口有人打架斗殴,有人受伤', source: 'police_110' },
        { orderNo: a, text: '同一工单再次推送' },
        { orderNo: c, callerPhone: '13800138000' },
        { orderNo: 'bad no!', text: '工单编号有误' },
        'not an object',
      ],
    };
    const before = await ticketCount();
    const r = await send(batch);
    expect(r.status).toBe(200);
    const res = r.body.results;
    expect(res.map((x: { orderNo: string; result: string }) => [x.orderNo, x.result])).toEqual([
      [a, 'created'],
      [b, 'created'],
      [a, 'duplicate'],
      [c, 'rejected'],
      ['bad no!', 'rejected'],
      ['', 'rejected'],
    ]);
    expect(res[2].ticketId).toBe(res[0].ticketId);
    expect(res[3].reason).toMatch(/^text:/);
    expect(await ticketCount()).toBe(before + 2);

    // Triaged and routed like any report, with the caller's phone and the source as channel.
    const [labor] = await w.sql<Record<string, unknown>>('SELECT channel, category, contact_phone, address, status, unit_id FROM tickets WHERE id = ?', [res[0].ticketId]);
    expect(labor).toMatchObject({ channel: 'hotline_12345', category: 'labor', contact_phone: '13800138000', address: '东城街道幸福路8号', status: 'submitted' });
    const [fight] = await w.sql<Record<string, unknown>>('SELECT channel, category, risk_level FROM tickets WHERE id = ?', [res[1].ticketId]);
    expect(fight).toMatchObject({ channel: 'police_110', category: 'public_order', risk_level: 'high' });
    const [order] = await w.sql<{ received_at: Date }>('SELECT received_at FROM hotline_orders WHERE order_no = ?', [a]);
    expect(new Date(order.received_at).toISOString()).toBe('2026-03-01T01:30:00.000Z');

    const again = await send(batch);
    expect(again.body.results.map((x: { result: string }) => x.result)).toEqual(['duplicate', 'duplicate', 'duplicate', 'rejected', 'rejected', 'rejected']);
    expect(again.body.results[1].ticketId).toBe(res[1].ticketId);
    expect(await ticketCount()).toBe(before + 2);

    // The same number from the other source is another order.
    expect((await send({ orders: [{ orderNo: a, text: '110 转来的同号工单', source: 'police_110' }] })).body.results[0].result).toBe('created');
  });

  it('two imports of the same orders racing end in one ticket per order', async () => {
    const orders = Array.from({ length: 5 }, (_, i) => ({ orderNo: no(`R${i}`), text: '楼上邻居每天深夜噪音扰民' }));
    const before = await ticketCount();
    const [x, y, z] = await Promise.all([send({ orders }), send({ orders }), send({ orders })]);
    expect(await ticketCount()).toBe(before + 5);
    for (let i = 0; i < 5; i++) {
      const outcomes = [x, y, z].map((r) => r.body.results[i]);
      expect(outcomes.filter((o: { result: string }) => o.result === 'created')).toHaveLength(1);
      expect(new Set(outcomes.map((o: { ticketId: string }) => o.ticketId)).size).toBe(1);
    }
  });

  it('takes a CSV in GBK with Chinese headers, and one in UTF-8 with a BOM', async () => {
    const [g1, g2, u1] = [no('G'), no('G'), no('U')];
    const gbk = iconv.encode(`工单编号,诉求内容,来电号码,地址,受理时间,来源\r\n${g1},"楼道里堆满杂物,消防通道被堵",13900001111,西城街道和平里3号,2026-03-02 10:00,12345热线\r\n${g2},商家预付卡跑路无法退款,,,,12345\r\n,缺少编号的行,,,,\r\n`, 'gbk');
    expect(gbk.includes(Buffer.from('工单编号', 'utf8'))).toBe(false); // really GBK bytes
    const r = await upload(gbk);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { result: string }) => x.result)).toEqual(['created', 'created', 'rejected']);
    const [row] = await w.sql<{ text: string; category: string; address: string }>('SELECT text, category, address FROM tickets WHERE id = ?', [r.body.results[0].ticketId]);
    expect(row).toEqual({ text: '楼道里堆满杂物,消防通道被堵', category: 'safety_hazard', address: '西城街道和平里3号' });

    const utf8 = Buffer.from(`\uFEFForderNo,text,source\n${u1},路灯坏了一整条街都是黑的,hotline_12345\n`, 'utf8');
    const u = await upload(utf8);
    expect(u.body.results).toEqual([{ orderNo: u1, result: 'created', ticketId: expect.any(String) }]);
    expect((await w.sql<{ text: string }>('SELECT text FROM tickets WHERE id = ?', [u.body.results[0].ticketId]))[0].text).toBe('路灯坏了一整条街都是黑的');

    const noText = await upload(Buffer.from('工单编号,备注\nX1,无\n', 'utf8'));
    expect(noText.status).toBe(400);
    expect(noText.body.errors.file).toContain('诉求内容');
  });

  it('refuses an oversized batch (413), a missing list (400), and anyone but a dispatcher (403)', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ orderNo: `M${i}`, text: '短' }));
    const big = await send({ orders: many });
    expect(big.status).toBe(413);
    expect(big.body.errors).toHaveProperty('orders');
    expect((await send({})).body.errors).toHaveProperty('orders');
    expect((await send({ orders: [] })).status).toBe(400);
    expect((await send({ orders: [{ orderNo: 'X', text: 'y' }] }, await t.staff('handler'))).status).toBe(403);
    expect((await send({ orders: [{ orderNo: 'X', text: 'y' }] }, (await t.resident()).token)).status).toBe(403);
  });
});
