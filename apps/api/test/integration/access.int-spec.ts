import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World, type Ticket } from '../factories/world';

/**
 * Every object route: outside → 404 exactly like a ticket that does not
 * exist; inside without the right → 403. "Outside" is another resident,
 * another department (西城街道司法所) and another street (西城街道's centre).
 */
describe('who may do what, per object route (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let owner: { token: string };
  let stranger: { token: string };
  let eastDispatcher: string;
  let eastHandler: string;
  let westHandler: string;
  let westDispatcher: string;
  let leader: string;
  let ticket: Ticket;
  let extensionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    owner = await t.resident();
    stranger = await t.resident();
    eastDispatcher = await t.staff('street-dispatcher');
    eastHandler = await t.staff('handler');
    westHandler = await w.staff('handler', 'D01S02', { department: 'justice' });
    westDispatcher = await w.staff('dispatcher', 'D01S02');
    leader = await t.staff('leader');
    ticket = await w.report(owner.token, TEXT.medium, PLACE.eastGrid1);
    await w.must(eastDispatcher, ticket.id, 'accept');
    await w.must(eastDispatcher, ticket.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
    await w.must(eastHandler, ticket.id, 'sign');
    const ext = await t.req('POST', `/tickets/${ticket.id}/extension-requests`, {
      token: eastHandler,
      body: { reason: '需要等待鉴定结果', requestedDeadline: new Date(Date.now() + 30 * 86400_000).toISOString() },
    });
    expect(ext.status).toBe(201);
    extensionId = ext.body.id;
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  const routes: { name: string; call: (token: string, id: string) => Promise<{ status: number; body: { code?: string } }> }[] = [
    { name: 'GET /tickets/:id', call: (tk, id) => t.req('GET', `/tickets/${id}`, { token: tk }) },
    { name: 'POST /tickets/:id/actions (comment)', call: (tk, id) => t.req('POST', `/tickets/${id}/actions`, { token: tk, body: { action: 'comment', note: '补充' } }) },
    { name: 'POST /tickets/:id/actions (feedback)', call: (tk, id) => t.req('POST', `/tickets/${id}/actions`, { token: tk, body: { action: 'feedback', outcome: 'handled' } }) },
    { name: 'POST /tickets/:id/actions (supervise)', call: (tk, id) => t.req('POST', `/tickets/${id}/actions`, { token: tk, body: { action: 'supervise' } }) },
  ];

  describe.each(routes)('$name', ({ call }) => {
    it('another resident gets the same 404 as for a ticket that does not exist', async () => {
      const other = await call(stranger.token, ticket.id);
      const none = await call(stranger.token, randomUUID());
      expect(other.status).toBe(404);
      expect(other.body).toEqual(none.body);
    });

    it('another department gets 404', async () => {
      expect((await call(westHandler, ticket.id)).status).toBe(404);
    });

    it('another street gets 404', async () => {
      expect((await call(westDispatcher, ticket.id)).status).toBe(404);
    });
  });

  it('inside without the right: 403 (leader files feedback, owner supervises, handler supervises)', async () => {
    expect((await routes[2].call(leader, ticket.id)).status).toBe(403);
    expect((await routes[3].call(owner.token, ticket.id)).status).toBe(403);
    expect((await routes[3].call(eastHandler, ticket.id)).status).toBe(403);
    expect((await routes[1].call(await t.staff('admin'), ticket.id)).status).toBe(403);
  });

  describe('POST /tickets/:id/triage-override', () => {
    const call = (tk: string, id = ticket.id) => t.req('POST', `/tickets/${id}/triage-override`, { token: tk, body: { riskLevel: 'high', reason: '涉及人数多' } });
    it('404 for another street, 403 for roles that may not override', async () => {
      expect((await call(westDispatcher)).status).toBe(404);
      expect((await call(westDispatcher, randomUUID())).status).toBe(404);
      expect((await call(eastHandler)).status).toBe(403);
      expect((await call(owner.token)).status).toBe(403);
    });
  });

  describe('POST /tickets/:id/extension-requests', () => {
    const call = (tk: string) =>
      t.req('POST', `/tickets/${ticket.id}/extension-requests`, { token: tk, body: { reason: '延期', requestedDeadline: new Date(Date.now() + 40 * 86400_000).toISOString() } });
    it('404 for another department; 403 for a resident', async () => {
      expect((await call(westHandler)).status).toBe(404);
      expect((await call(owner.token)).status).toBe(403);
    });
  });

  describe('POST /tickets/:id/extension-requests/:rid/decision', () => {
    const call = (tk: string, rid = extensionId) => t.req('POST', `/tickets/${ticket.id}/extension-requests/${rid}/decision`, { token: tk, body: { approve: true } });
    it('404 for another street and an unknown request; 403 for the handler who asked', async () => {
      expect((await call(westDispatcher)).status).toBe(404);
      expect((await call(eastDispatcher, randomUUID())).status).toBe(404);
      expect((await call(eastHandler)).status).toBe(403);
      expect((await call(westHandler)).status).toBe(404);
    });
  });

  it('lists are scoped the same way', async () => {
    const ids = async (tk: string) => (await t.req('GET', '/tickets?pageSize=50', { token: tk })).body.items.map((x: { id: string }) => x.id);
    expect(await ids(eastDispatcher)).toContain(ticket.id);
    expect(await ids(eastHandler)).toContain(ticket.id);
    expect(await ids(leader)).toContain(ticket.id);
    expect(await ids(westDispatcher)).not.toContain(ticket.id);
    expect(await ids(westHandler)).not.toContain(ticket.id);
    expect(await ids(stranger.token)).not.toContain(ticket.id);
    const pending = async (tk: string) => (await t.req('GET', '/extension-requests?status=pending', { token: tk })).body.items.map((x: { id: string }) => x.id);
    expect(await pending(eastDispatcher)).toContain(extensionId);
    expect(await pending(westDispatcher)).not.toContain(extensionId);
    expect(await pending(westHandler)).not.toContain(extensionId);
  });
});
