import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World } from '../factories/world';

describe('two dispatchers at once (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let resident: { token: string };
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    resident = await t.resident();
    a = await t.staff('street-dispatcher');
    b = await w.staff('dispatcher', 'D01S01');
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  it.each([1, 2, 3, 4, 5])('accept race #%i: exactly one 200, one 409 TICKET.CONFLICT or ILLEGAL_TRANSITION, one history row', async () => {
    const r = await w.report(resident.token, TEXT.medium, PLACE.eastGrid1);
    const results = await Promise.all([w.act(a, r.id, 'accept'), w.act(b, r.id, 'accept')]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(['TICKET.CONFLICT', 'TICKET.ILLEGAL_TRANSITION']).toContain(results.find((x) => x.status === 409)!.body.code);
    expect(await w.sql('SELECT action FROM ticket_history WHERE ticket_id = ? ORDER BY at', [r.id])).toEqual([{ action: 'submit' }, { action: 'accept' }]);
  });

  it('dispatch race to two departments: one wins, the ticket names the winner only', async () => {
    const r = await w.report(resident.token, TEXT.medium, PLACE.eastGrid1);
    await w.must(a, r.id, 'accept');
    const [x, y] = await Promise.all([
      w.act(a, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') }),
      w.act(b, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'police') }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? x.body : y.body;
    expect(await w.historyCount(r.id)).toBe(3);
    expect(await w.sql('SELECT department_id, role FROM ticket_departments WHERE ticket_id = ?', [r.id])).toEqual([{ department_id: winner.departmentId, role: 'lead' }]);
  });

  it('when the status check passes for both, the conditional UPDATE decides: the loser gets TICKET.CONFLICT', async () => {
    // Hold the row lock so both requests read `submitted` and queue on the UPDATE.
    const r = await w.report(resident.token, TEXT.medium, PLACE.eastGrid1);
    const { createConnection } = await import('mysql2/promise');
    const lock = await createConnection(t.dbUrl);
    await lock.query('START TRANSACTION');
    await lock.query('SELECT id FROM tickets WHERE id = ? FOR UPDATE', [r.id]);
    const racing = Promise.all([w.act(a, r.id, 'accept'), w.act(b, r.id, 'accept')]);
    await new Promise((res) => setTimeout(res, 300));
    await lock.query('COMMIT');
    await lock.end();
    const results = await racing;
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(results.find((x) => x.status === 409)!.body.code).toBe('TICKET.CONFLICT');
    expect(await w.historyCount(r.id)).toBe(2);
  });
});
