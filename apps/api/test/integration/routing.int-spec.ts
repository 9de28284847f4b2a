import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World } from '../factories/world';

describe('routing, routing rules, triage overrides (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let resident: { token: string };
  let admin: string;
  let dispatcher: string;
  let streetDispatcher: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    resident = await t.resident();
    admin = await t.staff('admin');
    dispatcher = await t.staff('dispatcher');
    streetDispatcher = await t.staff('street-dispatcher');
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  describe('placement by polygon', () => {
    it.each([
      ['inside 东城幸福社区第1网格', PLACE.eastGrid1, 'D01S01C01G01'],
      ['inside 西城幸福社区第1网格', PLACE.westGrid1, 'D01S02C01G01'],
      ['on the border between two grids of a community (first grid by code)', { lat: 39.87, lng: 116.35 }, 'D01S01C01G01'],
      ['on the border between two streets', { lat: 39.87, lng: 116.4 }, 'D01S01C01G02'],
      ['on a grid corner', { lat: 39.9, lng: 116.45 }, 'D01S02C01G01'],
    ])('%s', async (_name, location, gridCode) => {
      const r = await w.report(resident.token, TEXT.low, location);
      const row = await w.row(r.id);
      expect(row.grid_id).toBe(w.unit(gridCode));
      expect(row.location_unverified).toBe(0);
      expect(row.unit_id).toBe(w.unit(gridCode.slice(0, 9))); // low risk → the community's centre
    });

    it('outside every grid → the district queue, 位置待核实', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.outside);
      const row = await w.row(r.id);
      expect(row).toMatchObject({ grid_id: null, unit_id: w.unit('D01'), location_unverified: 1 });
      expect((await w.get(dispatcher, r.id)).body.locationUnverified).toBe(true);
    });
  });

  describe('routing rules as admin data', () => {
    it('shows DOMAIN.md by default', async () => {
      const r = await t.req('GET', '/admin/routing-rules', { token: admin });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ districtId: w.unit('D01'), departmentByCategory: { labor: 'hrss', neighbor: 'justice' }, tierByRisk: { low: 'community', high: 'district' } });
    });

    it('rejects unknown codes with the field named, and non-admins', async () => {
      const bad = await t.req('PUT', '/admin/routing-rules', { token: admin, body: { departmentByCategory: { neighbor: 'fbi', cooking: 'justice' }, tierByRisk: { low: 'planet' } } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['departmentByCategory.cooking', 'departmentByCategory.neighbor']);
      const badTier = await t.req('PUT', '/admin/routing-rules', { token: admin, body: { tierByRisk: { low: 'planet' } } });
      expect(badTier.body.errors).toHaveProperty(['tierByRisk.low']);
      expect((await t.req('PUT', '/admin/routing-rules', { token: admin, body: { tierByRisk: 'street' } })).body.errors).toHaveProperty('tierByRisk');
      expect((await t.req('PUT', '/admin/routing-rules', { token: dispatcher, body: {} })).status).toBe(403);
    });

    it('changes routing for new reports and the suggestion on the staff view, recording who changed what', async () => {
      const put = await t.req('PUT', '/admin/routing-rules', { token: admin, body: { departmentByCategory: { neighbor: 'police' }, tierByRisk: { low: 'street' } } });
      expect(put.status).toBe(200);
      expect(put.body.departmentByCategory.neighbor).toBe('police');
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      expect(r.unitId).toBe(w.unit('D01S01'));
      const view = (await w.get(streetDispatcher, r.id)).body;
      expect(view.suggestedDepartment).toBe('police');
      expect(view.suggestedDepartmentId).toBe(w.dep('D01S01', 'police'));
      const changes = await t.req('GET', '/admin/routing-rules/changes', { token: admin });
      expect(changes.body[0]).toMatchObject({ old: null, new: { departmentByCategory: { neighbor: 'police' }, tierByRisk: { low: 'street' } }, at: expect.any(String) });
      await t.req('PUT', '/admin/routing-rules', { token: admin, body: {} });
      const changes2 = await t.req('GET', '/admin/routing-rules/changes', { token: admin });
      expect(changes2.body[0]).toMatchObject({ old: { departmentByCategory: { neighbor: 'police' } }, new: { departmentByCategory: {}, tierByRisk: {} } });
      expect((await w.report(resident.token, TEXT.low, PLACE.eastGrid1)).unitId).toBe(w.unit('D01S01C01'));
    });

    it('a suggestion falls back to the nearest unit above that has the department', async () => {
      const r = await w.report(resident.token, '小区物业费乱收费', PLACE.eastGrid1); // property → housing: no street has one
      expect((await w.get(streetDispatcher, r.id)).body.suggestedDepartmentId).toBe(w.dep('D01', 'housing'));
    });
  });

  describe('triage override', () => {
    it('changes the current values, keeps the engine suggestion, records who/when/before/after/reason, and exports CSV', async () => {
      const r = await w.report(resident.token, '邻居在楼道里堆放杂物,影响通行, 他说 "别管"', PLACE.eastGrid1);
      expect(r.unitId).toBe(w.unit('D01S01C01'));
      const url = `/tickets/${r.id}/triage-override`;
      expect((await t.req('POST', url, { token: streetDispatcher, body: { riskLevel: 'high' } })).body.errors).toHaveProperty('reason');
      expect((await t.req('POST', url, { token: streetDispatcher, body: { reason: '无变化' } })).body.errors).toHaveProperty('category');
      expect((await t.req('POST', url, { token: streetDispatcher, body: { riskLevel: 'extreme', reason: 'x' } })).body.errors).toHaveProperty('riskLevel');
      expect((await t.req('POST', url, { token: streetDispatcher, body: { department: 'fbi', reason: 'x' } })).body.errors).toHaveProperty('department');
      const ok = await t.req('POST', url, { token: streetDispatcher, body: { category: 'public_order', riskLevel: 'medium', reason: '对方多次阻挠通行,需派出所介入' } });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ before: { category: r.triage && (r.triage as { category: string }).category, department: 'justice' }, after: { category: 'public_order', riskLevel: 'medium', department: 'police' } });
      const view = (await w.get(streetDispatcher, r.id)).body;
      expect(view).toMatchObject({ category: 'public_order', riskLevel: 'medium', suggestedDepartment: 'police', suggestedDepartmentId: w.dep('D01S01', 'police') });
      expect(view.triage).toEqual(r.triage);
      expect(view.history.at(-1)).toMatchObject({ action: 'comment', note: '对方多次阻挠通行,需派出所介入', data: { override: expect.any(Object) } });
      const rows = await w.sql('SELECT actor_id, reason FROM triage_overrides WHERE ticket_id = ?', [r.id]);
      expect(rows).toHaveLength(1);

      const csv = await fetch(`${t.origin}/api/v1/triage/overrides.csv`, { headers: { authorization: `Bearer ${streetDispatcher}` } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const [header, ...lines] = text.trim().split('\r\n');
      expect(header.split(',')).toEqual(expect.arrayContaining(['case_code', 'text', 'engine_category', 'after_category', 'reason']));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(r.caseCode);
      expect(lines[0]).toContain('"邻居在楼道里堆放杂物,影响通行, 他说 ""别管"""');
      // Another street's dispatcher exports nothing of this street; a handler may not export at all.
      const west = await w.staff('dispatcher', 'D01S02');
      const westCsv = await t.req('GET', '/triage/overrides.csv', { token: west });
      expect(String(westCsv.body).trim().split('\r\n')).toHaveLength(1);
      expect((await t.req('GET', '/triage/overrides.csv', { token: await t.staff('handler') })).status).toBe(403);
    });

    it('409 on a closed or declined ticket', async () => {
      const r = await w.report(resident.token, TEXT.low, PLACE.eastGrid1);
      await w.must(streetDispatcher, r.id, 'decline', { note: '重复反映', guidance: '请关注原案件' });
      expect((await t.req('POST', `/tickets/${r.id}/triage-override`, { token: streetDispatcher, body: { riskLevel: 'high', reason: 'x' } })).status).toBe(409);
    });
  });
});
