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
