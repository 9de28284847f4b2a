import { Clock } from '../../src/common/clock';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World, type Ticket } from '../factories/world';

describe('staff ticket lists: filters and sorting in SQL (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let leader: string;
  let dispatcher: string;
  let streetDispatcher: string;
  let low: Ticket; // 东城, dispatched to 司法所
  let medium: Ticket; // 东城 street queue, submitted
  let high: Ticket; // district, dispatched to 人社局
  let west: Ticket; // 西城, low, submitted

  const ids = async (token: string, query: string) => {
    const r = await t.req('GET', `/tickets?pageSize=50&${query}`, { token });
    expect(r.status).toBe(200);
    return r.body.items.map((x: { id: string }) => x.id) as string[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    const resident = await t.resident();
    leader = await t.staff('leader');
    dispatcher = await t.staff('dispatcher');
    streetDispatcher = await t.staff('street-dispatcher');
    low = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
    medium = await w.report(resident.token, TEXT.medium, PLACE.eastGrid2);
    high = await w.report(resident.token, TEXT.high, PLACE.westGrid1);
    west = await w.report(resident.token, '小区路灯坏了好几盏', PLACE.westGrid1);
    await w.must(streetDispatcher, low.id, 'accept');
    await w.must(streetDispatcher, low.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
    await w.must(dispatcher, high.id, 'accept');
    await w.must(dispatcher, high.id, 'dispatch', { departmentId: w.dep('D01', 'hrss') });
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  it('filters by status, risk level, category and channel', async () => {
    expect((await ids(leader, 'status=dispatched')).sort()).toEqual([low.id, high.id].sort());
    expect(await ids(leader, 'riskLevel=high')).toEqual([high.id]);
    expect((await ids(leader, 'category=labor'))).toEqual([high.id]);
    expect((await ids(leader, 'channel=miniprogram')).length).toBe(4);
    expect(await ids(leader, 'channel=walk_in')).toEqual([]);
  });

  it('filters by unit (queue below it or located in it) and by department (lead or assist)', async () => {
    expect((await ids(leader, `unitId=${w.unit('D01S02')}`)).sort()).toEqual([high.id, west.id].sort());
    expect((await ids(leader, `unitId=${w.unit('D01S01')}`)).sort()).toEqual([low.id, medium.id].sort());
    expect(await ids(leader, `departmentId=${w.dep('D01S01', 'justice')}`)).toEqual([low.id]);
    expect(await ids(leader, `departmentId=${w.dep('D01', 'hrss')}`)).toEqual([high.id]);
    // A filter never widens the scope: 东城 sees nothing of 西城 through unitId.
    expect(await ids(streetDispatcher, `unitId=${w.unit('D01S02')}`)).toEqual([]);
  });

  it('filters by date range and searches text and case code', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect((await ids(leader, `from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`)).length).toBe(4);
    expect(await ids(leader, `from=${encodeURIComponent(future)}`)).toEqual([]);
    expect(await ids(leader, `q=${encodeURIComponent('路灯')}`)).toEqual([west.id]);
    expect(await ids(leader, `q=${encodeURIComponent(high.caseCode.replace(/-/g, '').toLowerCase())}`)).toEqual([high.id]);
    expect(await ids(leader, `q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('answers 400 with the field for bad filters', async () => {
    for (const [q, field] of [
      ['color=purple', 'color'],
      ['sort=random', 'sort'],
      ['from=yesterday', 'from'],
      ['unitId=abc', 'unitId'],
      ['pageSize=51', 'pageSize'],
      ['channel=fax', 'channel'],
    ]) {
      const r = await t.req('GET', `/tickets?${q}`, { token: leader });
      expect({ q, status: r.status, has: field in (r.body.errors ?? {}) }).toEqual({ q, status: 400, has: true });
    }
  });

  it('sorts urgent: high risk first, then red/yellow, then the oldest running deadline', async () => {
    // Move time so the low ticket (24 h to sign) turns red while the high one (1 h) was signed.
    const handler = await t.staff('hrss-handler');
    await w.must(handler, high.id, 'sign');
    const clock = t.app.get(Clock);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 25 * 3600_000));
    try {
      // high; then medium; then the two low ones — the red one before the one with no clock.
      expect(await ids(leader, 'sort=urgent')).toEqual([high.id, medium.id, low.id, west.id]);
      expect(await ids(leader, 'color=red')).toEqual([low.id]);
      const newest = await ids(leader, '');
      expect(newest).toEqual([west.id, high.id, medium.id, low.id]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('staff ticket lists: 被退回 (returned=true) in SQL (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let leader: string;
  let streetDispatcher: string;
  let handler: string;
  let returnedFirst: Ticket; // returned, then a same-status comment
  let returnedSecond: Ticket; // returned
  let redispatched: Ticket; // returned, then dispatched again
  let neverReturned: Ticket; // accepted, never dispatched
  let submitted: Ticket;

  const page = async (token: string, query: string) => {
    const r = await t.req('GET', `/tickets?${query}`, { token });
    expect(r.status).toBe(200);
    return { ids: r.body.items.map((x: { id: string }) => x.id) as string[], total: r.body.total as number };
  };

  /** Reported in 东城, accepted and dispatched to its 司法所, then sent back by the 司法所's handler. */
  const returnedTicket = async (resident: string) => {
    const tk = await w.report(resident, TEXT.low, PLACE.eastGrid1);
    await w.must(streetDispatcher, tk.id, 'accept');
    await w.must(streetDispatcher, tk.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
    const back = await w.must(handler, tk.id, 'return', { note: '不属于本所职责' });
    expect(back.status).toBe('accepted');
    return tk;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    const resident = (await t.resident()).token;
    leader = await t.staff('leader');
    streetDispatcher = await t.staff('street-dispatcher');
    handler = await t.staff('handler');
    returnedFirst = await returnedTicket(resident);
    // A row that keeps the status does not hide the return.
    await w.must(streetDispatcher, returnedFirst.id, 'comment', { note: '已联系物业' });
    returnedSecond = await returnedTicket(resident);
    redispatched = await returnedTicket(resident);
    await w.must(streetDispatcher, redispatched.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
    neverReturned = await w.report(resident, TEXT.low, PLACE.eastGrid2);
    await w.must(streetDispatcher, neverReturned.id, 'accept');
    submitted = await w.report(resident, TEXT.low, PLACE.eastGrid2);
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  it('lists only tickets whose last status change was a return, with the right total', async () => {
    const all = await page(leader, 'returned=true&pageSize=50');
    expect(all.ids.sort()).toEqual([returnedFirst.id, returnedSecond.id].sort());
    expect(all.total).toBe(2);
    // The same with the queue's status filter and sort.
    const queue = await page(streetDispatcher, 'returned=true&status=accepted&sort=urgent');
    expect(queue.ids.sort()).toEqual([returnedFirst.id, returnedSecond.id].sort());
    expect(queue.total).toBe(2);
    // returned=false is the complement.
    const rest = await page(leader, 'returned=false&pageSize=50');
    expect(rest.ids.sort()).toEqual([redispatched.id, neverReturned.id, submitted.id].sort());
    expect(rest.total).toBe(3);
    // The accepted queue still holds both kinds.
    expect((await page(leader, 'status=accepted&returned=false')).ids).toEqual([neverReturned.id]);
  });

  it('pages in SQL: the total counts every returned ticket, each page holds its share', async () => {
    const all = (await page(leader, 'returned=true&pageSize=50')).ids;
    const first = await page(leader, 'returned=true&pageSize=1&page=1');
    const second = await page(leader, 'returned=true&pageSize=1&page=2');
    const third = await page(leader, 'returned=true&pageSize=1&page=3');
    expect([first.total, second.total, third.total]).toEqual([2, 2, 2]);
    expect([...first.ids, ...second.ids]).toEqual(all);
    expect(third.ids).toEqual([]);
  });

  it('a returned ticket the street escalates is not 被退回 for the district: it was not sent out from there', async () => {
    const resident = (await t.resident()).token;
    const escalated = await returnedTicket(resident);
    await w.must(streetDispatcher, escalated.id, 'escalate', { note: '街道无法协调' });
    const districtDispatcher = await w.staff('dispatcher', 'D01');
    expect((await page(districtDispatcher, 'status=accepted&pageSize=50')).ids).toContain(escalated.id);
    expect((await page(districtDispatcher, 'returned=true&pageSize=50')).ids).not.toContain(escalated.id);
  });

  it('answers 400 naming the field for anything but true or false', async () => {
    for (const q of ['returned=maybe', 'returned=1', 'returned=', 'returned=true&returned=true']) {
      const r = await t.req('GET', `/tickets?${q}`, { token: leader });
      expect({ q, status: r.status, field: r.body.errors?.returned }).toEqual({ q, status: 400, field: '被退回筛选只能是 true 或 false' });
    }
  });
});
