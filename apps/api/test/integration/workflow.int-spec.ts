import { ACTIONS, transitionFor } from '@zongzhi/shared';
import { noisyJpeg } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { uploadFile } from '../helpers/uploads';
import { PLACE, TEXT, World, type Ticket } from '../factories/world';

describe('ticket lifecycle (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let resident: { token: string; userId: string };
  let streetDispatcher: string;
  let districtDispatcher: string;
  let handler: string; // 东城街道司法所
  let hrssHandler: string; // 区人社局
  let gridWorker: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    resident = await t.resident();
    streetDispatcher = await t.staff('street-dispatcher');
    districtDispatcher = await t.staff('dispatcher');
    handler = await t.staff('handler');
    hrssHandler = await t.staff('hrss-handler');
    gridWorker = await t.staff('grid-worker');
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  describe('the whole loop for each risk level', () => {
    it('low: community queue → street 司法所 → resident satisfied → closed', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      expect(r.triage).toMatchObject({ riskLevel: 'low', tier: 'community' });
      expect(r.unitId).toBe(w.unit('D01S01C01'));
      const seen = (await w.get(streetDispatcher, r.id)).body;
      expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline', 'escalate', 'supervise', 'comment']));
      // The community has no departments: the suggestion is the street's 司法所.
      expect(seen.suggestedDepartmentId).toBe(w.dep('D01S01', 'justice'));
      await w.must(streetDispatcher, r.id, 'accept');
      const dispatched = await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      expect(dispatched).toMatchObject({ status: 'dispatched', departmentId: w.dep('D01S01', 'justice'), color: 'blue' });
      expect(Date.parse(dispatched.signDeadline as string) - Date.parse(dispatched.dispatchedAt as string)).toBe(24 * 3600_000);
      expect(Date.parse(dispatched.resolveDeadline as string) - Date.parse(dispatched.dispatchedAt as string)).toBe(15 * 24 * 3600_000);
      expect((await w.get(handler, r.id)).body.allowedActions.sort()).toEqual(['comment', 'escalate', 'return', 'sign']);
      await w.must(handler, r.id, 'sign');
      const resolved = await w.must(handler, r.id, 'feedback', { outcome: 'mediated', note: '双方达成调解协议' });
      expect(resolved.status).toBe('resolved');
      expect((await w.get(resident.token, r.id)).body.allowedActions.sort()).toEqual(['comment', 'evaluate']);
      const closed = await w.must(resident.token, r.id, 'evaluate', { satisfaction: 'satisfied' });
      expect(closed.status).toBe('closed');
      expect(closed.allowedActions).toEqual([]);
      expect(closed.history.map((h) => h.action)).toEqual(['submit', 'accept', 'dispatch', 'sign', 'feedback', 'evaluate']);
      expect(closed.history.map((h) => h.toStatus)).toEqual(['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed']);
      expect(closed.history[4].data).toMatchObject({ outcome: 'mediated' });
    });

    it('medium: street queue → 司法所 → closed by a return visit', async () => {
      const r = await w.report(resident.token, TEXT.medium, PLACE.eastGrid2);
      expect(r.triage).toMatchObject({ riskLevel: 'medium' });
      expect(r.unitId).toBe(w.unit('D01S01'));
      await w.must(streetDispatcher, r.id, 'accept');
      const d = await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      expect(Date.parse(d.signDeadline as string) - Date.parse(d.dispatchedAt as string)).toBe(4 * 3600_000);
      await w.must(handler, r.id, 'sign');
      await w.must(handler, r.id, 'feedback', { outcome: 'handled' });
      const bad = await w.act(streetDispatcher, r.id, 'return_visit', { note: '已电话联系' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toHaveProperty('method');
      const closed = await w.must(streetDispatcher, r.id, 'return_visit', { method: 'phone', note: '电话回访,当事人表示满意' });
      expect(closed.status).toBe('closed');
      expect(closed.history.at(-1)).toMatchObject({ action: 'return_visit', note: '电话回访,当事人表示满意', data: { method: 'phone' } });
    });

    it('high: district queue → 区人社局 → resident basically satisfied → closed', async () => {
      const r = await w.report(resident.token, TEXT.high, PLACE.westGrid1);
      expect(r.triage).toMatchObject({ riskLevel: 'high', tier: 'district' });
      expect(r.unitId).toBe(w.unit('D01'));
      // The street dispatcher of 东城 does not see a district ticket.
      expect((await w.get(streetDispatcher, r.id)).status).toBe(404);
      expect((await w.get(districtDispatcher, r.id)).body.suggestedDepartmentId).toBe(w.dep('D01', 'hrss'));
      await w.must(districtDispatcher, r.id, 'accept');
      const d = await w.must(districtDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01', 'hrss') });
      expect(Date.parse(d.signDeadline as string) - Date.parse(d.dispatchedAt as string)).toBe(3600_000);
      await w.must(hrssHandler, r.id, 'sign');
      await w.must(hrssHandler, r.id, 'feedback', { outcome: 'referred_to_court' });
      expect((await w.must(resident.token, r.id, 'evaluate', { satisfaction: 'basically_satisfied' })).status).toBe('closed');
    });
  });

  describe('illegal transitions answer 409 and change nothing', () => {
    // For each status, every action the table does not allow from it, tried by a role that may do it elsewhere.
    const actorFor: Record<string, () => string> = {
      accept: () => streetDispatcher,
      decline: () => streetDispatcher,
      dispatch: () => streetDispatcher,
      return_visit: () => streetDispatcher,
      supervise: () => streetDispatcher,
      escalate: () => streetDispatcher,
      sign: () => handler,
      return: () => handler,
      feedback: () => handler,
      evaluate: () => resident.token,
      comment: () => resident.token,
    };
    const payload: Record<string, Record<string, unknown>> = {
      decline: { note: '不属于受理范围', guidance: '请向法院起诉' },
      dispatch: { departmentId: '' },
      return: { note: 'x' },
      feedback: { outcome: 'handled' },
      evaluate: { satisfaction: 'satisfied' },
      return_visit: { note: 'x', method: 'phone' },
      escalate: { note: 'x' },
      comment: { note: 'x' },
    };

    async function ticketIn(status: string): Promise<Ticket> {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      const steps: [string, string, Record<string, unknown>][] = [
        [streetDispatcher, 'accept', {}],
        [streetDispatcher, 'dispatch', { departmentId: w.dep('D01S01', 'justice') }],
        [handler, 'sign', {}],
        [handler, 'feedback', { outcome: 'handled' }],
        [resident.token, 'evaluate', { satisfaction: 'satisfied' }],
      ];
      const order = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed'];
      if (status === 'declined') return w.must(streetDispatcher, r.id, 'decline', payload.decline);
      for (const [who, action, body] of steps.slice(0, order.indexOf(status))) await w.must(who, r.id, action, body);
      return (await w.get(streetDispatcher, r.id)).body;
    }

    for (const status of ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed', 'declined']) {
      it(`from ${status}`, async () => {
        const tk = await ticketIn(status);
        const illegal = ACTIONS.filter((a) => a !== 'settle_on_site' && !transitionFor(a).from.includes(tk.status as never));
        expect(illegal.length).toBeGreaterThan(0);
        for (const action of illegal) {
          const before = await w.row(tk.id);
          const count = await w.historyCount(tk.id);
          const body = action === 'dispatch' ? { departmentId: w.dep('D01S01', 'justice') } : payload[action] ?? {};
          const r = await w.act(actorFor[action](), tk.id, action, body);
          // The ticket may have left a handler's sight (not dispatched to them yet): then 404, never a change.
          if (r.status === 404) expect(['sign', 'return', 'feedback'].includes(action) && ['submitted', 'accepted', 'declined'].includes(status)).toBe(true);
          else expect({ action, status: r.status, code: r.body.code }).toEqual({ action, status: 409, code: 'TICKET.ILLEGAL_TRANSITION' });
          expect(await w.row(tk.id)).toEqual(before);
          expect(await w.historyCount(tk.id)).toBe(count);
        }
      });
    }

    it('settle_on_site from anything but submitted', async () => {
      const tk = await ticketIn('accepted');
      const r = await w.act(gridWorker, tk.id, 'settle_on_site', { outcome: 'mediated' });
      expect(r.status).toBe(409);
      expect(await w.historyCount(tk.id)).toBe(2);
    });
  });

  describe('each action', () => {
    it('decline needs a reason and guidance; guidance is kept and shown to the resident', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      const missing = await w.act(streetDispatcher, r.id, 'decline', {});
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors!).sort()).toEqual(['guidance', 'note']);
      expect(await w.historyCount(r.id)).toBe(1);
      await w.must(streetDispatcher, r.id, 'decline', { note: '属于民事合同纠纷', guidance: '建议向人民法院起诉' });
      const mine = (await w.get(resident.token, r.id)).body;
      expect(mine.status).toBe('declined');
      expect(mine.history.at(-1)).toMatchObject({ action: 'decline', note: '属于民事合同纠纷', data: { guidance: '建议向人民法院起诉' } });
    });

    it('dispatch needs a department of the right unit; joint handling lets assisting departments see and comment but not file feedback', async () => {
      const r = await w.report(resident.token, TEXT.medium, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      const none = await w.act(streetDispatcher, r.id, 'dispatch', {});
      expect(none.status).toBe(400);
      expect(none.body.errors).toHaveProperty('departmentId');
      const otherStreet = await w.act(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S02', 'justice') });
      expect(otherStreet.status).toBe(400);
      expect(otherStreet.body.errors).toHaveProperty('departmentId');
      // 区人社局 is above the street, and the street has its own 劳动保障所: not a target.
      expect((await w.act(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01', 'hrss') })).status).toBe(400);
      expect((await w.act(streetDispatcher, r.id, 'dispatch', { departmentId: 'not-a-uuid' })).body.errors).toHaveProperty('departmentId');
      const badAssist = await w.act(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice'), departmentIds: [w.dep('D01S02', 'police')] });
      expect(badAssist.status).toBe(400);
      expect(badAssist.body.errors).toHaveProperty('departmentIds');
      expect(await w.historyCount(r.id)).toBe(2);

      const police = await w.staff('handler', 'D01S01', { department: 'police' });
      const d = await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice'), departmentIds: [w.dep('D01S01', 'police')] });
      expect(d.departments).toEqual([
        expect.objectContaining({ id: w.dep('D01S01', 'justice'), role: 'lead' }),
        expect.objectContaining({ id: w.dep('D01S01', 'police'), role: 'assist' }),
      ]);
      expect(await w.sql('SELECT role FROM ticket_departments WHERE ticket_id = ? ORDER BY role', [r.id])).toEqual([{ role: 'assist' }, { role: 'lead' }]);
      const assistView = await w.get(police, r.id);
      expect(assistView.status).toBe(200);
      expect(assistView.body.allowedActions).toEqual(['comment']);
      expect((await w.act(police, r.id, 'sign')).status).toBe(403);
      await w.must(police, r.id, 'comment', { note: '派出所已出警了解情况' });
      await w.must(handler, r.id, 'sign');
      const feedback = await w.act(police, r.id, 'feedback', { outcome: 'handled' });
      expect(feedback.status).toBe(403);
      const list = await t.req('GET', '/tickets', { token: police });
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(r.id);
    });

    it('return needs a reason and sends the ticket back to the centre with department and deadlines cleared', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      const noReason = await w.act(handler, r.id, 'return', { note: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toHaveProperty('note');
      await w.must(handler, r.id, 'return', { note: '不属于司法所职责,应由城管处理' });
      const back = (await w.get(streetDispatcher, r.id)).body;
      expect(back).toMatchObject({ status: 'accepted', departmentId: null, signDeadline: null, resolveDeadline: null, color: null, unitId: w.unit('D01S01C01') });
      expect(back.allowedActions).toContain('dispatch');
      expect((await w.get(handler, r.id)).status).toBe(404);
      expect(await w.sql('SELECT * FROM ticket_departments WHERE ticket_id = ?', [r.id])).toEqual([]);
    });

    it('feedback needs an outcome, and a reason when unresolved', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      await w.must(handler, r.id, 'sign');
      expect((await w.act(handler, r.id, 'feedback', {})).body.errors).toHaveProperty('outcome');
      expect((await w.act(handler, r.id, 'feedback', { outcome: 'won' })).body.errors).toHaveProperty('outcome');
      const unresolved = await w.act(handler, r.id, 'feedback', { outcome: 'unresolved' });
      expect(unresolved.status).toBe(400);
      expect(unresolved.body.errors).toHaveProperty('note');
      const ok = await w.must(handler, r.id, 'feedback', { outcome: 'unresolved', note: '对方拒不配合' });
      expect(ok.history.at(-1)).toMatchObject({ action: 'feedback', data: { outcome: 'unresolved' }, note: '对方拒不配合' });
    });

    it('an unsatisfied resident reopens the ticket (重办), counted', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      await w.must(handler, r.id, 'sign');
      const fed = await w.must(handler, r.id, 'feedback', { outcome: 'handled' });
      expect((await w.act(resident.token, r.id, 'evaluate', {})).body.errors).toHaveProperty('satisfaction');
      const other = await t.resident();
      expect((await w.act(other.token, r.id, 'evaluate', { satisfaction: 'unsatisfied' })).status).toBe(404);
      const reopened = await w.must(resident.token, r.id, 'evaluate', { satisfaction: 'unsatisfied', note: '杂物还在' });
      expect(reopened).toMatchObject({ status: 'in_progress', reopenCount: 1, departmentId: w.dep('D01S01', 'justice') });
      // a fresh handling time (low: 15 days) from the reopening, not the old deadline
      const reopenedAt = new Date(reopened.history.at(-1).at).getTime();
      expect(new Date(reopened.resolveDeadline).getTime()).toBe(reopenedAt + 15 * 24 * 60 * 60_000);
      expect(new Date(reopened.resolveDeadline).getTime()).toBeGreaterThan(new Date(fed.resolveDeadline).getTime());
      expect((await w.row(r.id)).reopen_count).toBe(1);
      expect((await w.get(handler, r.id)).body.allowedActions).toContain('feedback');
      await w.must(handler, r.id, 'feedback', { outcome: 'handled' });
      await w.must(resident.token, r.id, 'evaluate', { satisfaction: 'unsatisfied' });
      expect((await w.row(r.id)).reopen_count).toBe(2);
    });

    it('escalate moves the ticket to the next level: the street dispatcher loses it, the district dispatcher sees it; none above the district', async () => {
      const r = await w.report(resident.token, TEXT.medium, PLACE.westGrid1);
      const westDispatcher = await w.staff('dispatcher', 'D01S02');
      expect((await w.get(westDispatcher, r.id)).status).toBe(200);
      expect((await w.act(westDispatcher, r.id, 'escalate', {})).body.errors).toHaveProperty('note');
      const up = await w.must(westDispatcher, r.id, 'escalate', { note: '涉及多个部门,街道无法协调' });
      expect(up.status).toBe('accepted');
      expect(up.unitId).toBe(w.unit('D01'));
      expect((await w.get(westDispatcher, r.id)).status).toBe(404);
      const district = (await w.get(districtDispatcher, r.id)).body;
      expect(district.allowedActions).toContain('dispatch');
      expect(district.allowedActions).not.toContain('escalate');
      const top = await w.act(districtDispatcher, r.id, 'escalate', { note: '再上报' });
      expect(top.status).toBe(409);
      expect(top.body.code).toBe('TICKET.NO_LEVEL_UP');
      expect(top.body.message).toMatch(/区级/);
    });

    it('a handler escalates a dispatched ticket: it returns to the next centre up, undispatched', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      const up = await w.must(handler, r.id, 'escalate', { note: '矛盾升级,需要街道协调' });
      expect(up).toMatchObject({ status: 'accepted', unitId: w.unit('D01S01'), departmentId: null });
    });

    it('feedback photos: only the handler’s own uploads attach, and the resident sees them on the feedback step', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      await w.must(handler, r.id, 'sign');
      const mine = await uploadFile(t, handler, await noisyJpeg(400, 300));
      const theirs = await uploadFile(t, hrssHandler, await noisyJpeg(400, 300));
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      const refused = await w.act(handler, r.id, 'feedback', { outcome: 'mediated', note: '已调解', photoIds: [mine.body.id, theirs.body.id] });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toHaveProperty('photoIds');
      expect((await w.get(handler, r.id)).body.status).toBe('in_progress'); // nothing half-done
      await w.must(handler, r.id, 'feedback', { outcome: 'mediated', note: '已调解', photoIds: [mine.body.id] });
      const seen = (await w.get(resident.token, r.id)).body as Ticket & { history: { action: string; photos: { id: string }[] }[] };
      const step = seen.history.find((h) => h.action === 'feedback')!;
      expect(step.photos.map((p) => p.id)).toEqual([mine.body.id]);
      expect(seen.history.find((h) => h.action === 'submit')!.photos).toEqual([]);
    });

    it('settle_on_site: a grid worker settles a submitted ticket in their grid, not elsewhere', async () => {
      const here = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      const there = await w.report(resident.token, TEXT.low, PLACE.eastGrid2);
      expect((await w.get(gridWorker, there.id)).status).toBe(404);
      expect((await w.act(gridWorker, here.id, 'settle_on_site', {})).body.errors).toHaveProperty('outcome');
      const done = await w.must(gridWorker, here.id, 'settle_on_site', { outcome: 'mediated', note: '现场劝说,已清理' });
      expect(done.status).toBe('resolved');
      // The grid worker's own report elsewhere: visible, but not theirs to settle.
      const own = await w.report(gridWorker, TEXT.low, PLACE.eastGrid2);
      expect((await w.act(gridWorker, own.id, 'settle_on_site', { outcome: 'mediated' })).status).toBe(403);
      // Found on patrol with no position from the phone: placed in the worker's own grid, so theirs to settle.
      const found = await w.report(gridWorker, TEXT.low);
      expect((await w.get(gridWorker, found.id)).body).toMatchObject({ gridId: w.unit('D01S01C01G01'), locationUnverified: false });
      expect((await w.must(gridWorker, found.id, 'settle_on_site', { outcome: 'handled', note: '当场处理' })).status).toBe('resolved');
      expect((await w.must(streetDispatcher, here.id, 'return_visit', { method: 'visit', note: '上门确认' })).status).toBe('closed');
    });

    it('supervise issues a notice without changing status; comment needs a note', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'accept');
      await w.must(streetDispatcher, r.id, 'dispatch', { departmentId: w.dep('D01S01', 'justice') });
      const s = await w.must(await t.staff('leader'), r.id, 'supervise', { note: '请加快办理' });
      expect(s.status).toBe('dispatched');
      expect(s.history.at(-1)).toMatchObject({ action: 'supervise', fromStatus: 'dispatched', toStatus: 'dispatched' });
      const notices = await w.sql<{ kind: string; department_id: string; unit_id: string }>('SELECT kind, department_id, unit_id FROM supervision_notices WHERE ticket_id = ?', [r.id]);
      expect(notices).toEqual([{ kind: 'manual', department_id: w.dep('D01S01', 'justice'), unit_id: w.unit('D01S01C01') }]);
      const inbox = await t.req('GET', '/supervision-notices', { token: handler });
      expect(inbox.body.items.map((n: { ticketId: string }) => n.ticketId)).toContain(r.id);
      expect((await w.act(resident.token, r.id, 'comment', {})).body.errors).toHaveProperty('note');
      const c = await w.must(resident.token, r.id, 'comment', { note: '今天又堆了更多' });
      expect(c.history.at(-1)).toMatchObject({ action: 'comment', note: '今天又堆了更多' });
      // A leader reads and supervises but does not dispatch; an admin acts on nothing.
      expect((await w.act(await t.staff('leader'), r.id, 'sign')).status).toBe(403);
      expect((await w.act(await t.staff('admin'), r.id, 'comment', { note: 'x' })).status).toBe(403);
    });

    it('rejects unknown actions and unknown fields with 400, never 500', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      expect((await w.act(streetDispatcher, r.id, 'teleport')).body.errors).toHaveProperty('action');
      expect((await w.act(streetDispatcher, r.id, 'accept', { priority: 1 })).body.errors).toHaveProperty('priority');
      expect((await w.act(streetDispatcher, r.id, 'comment', { note: 5 })).body.errors).toHaveProperty('note');
      expect((await t.req('POST', `/tickets/${r.id}/actions`, { token: streetDispatcher, body: {} })).body.errors).toHaveProperty('action');
    });
  });
});
