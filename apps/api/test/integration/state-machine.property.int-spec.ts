import fc from 'fast-check';
import { ACTIONS, FINAL_STATUSES, OUTCOMES, SATISFACTIONS, STATUSES, targetStatus, transitionFor, TRANSITIONS, type Role, type TicketAction, type TicketStatus } from '@zongzhi/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PLACE, TEXT, World } from '../factories/world';

/**
 * Any sequence of actions by any of these people, against the real service
 * on MariaDB: the ticket stays on the table's graph, every success adds
 * exactly one history row (and nothing else does), and a closed or declined
 * ticket changes no more.
 */
describe('state machine properties (MariaDB)', () => {
  let t: TestApp;
  let w: World;
  let owner: { token: string };
  const actors: Record<string, string> = {};
  let departments: string[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await World.create(t);
    owner = await t.resident();
    actors.owner = owner.token;
    actors.stranger = (await t.resident()).token;
    actors.streetDispatcher = await t.staff('street-dispatcher');
    actors.districtDispatcher = await t.staff('dispatcher');
    actors.handler = await t.staff('handler');
    actors.policeHandler = await w.staff('handler', 'D01S01', { department: 'police' });
    actors.hrssHandler = await t.staff('hrss-handler');
    actors.gridWorker = await t.staff('grid-worker');
    actors.leader = await t.staff('leader');
    actors.admin = await t.staff('admin');
    departments = [w.dep('D01S01', 'justice'), w.dep('D01S01', 'police'), w.dep('D01', 'hrss'), w.dep('D01S02', 'justice')];
  });
  afterAll(async () => {
    await w.close();
    await t.close();
  });

  const ROLE_OF: Record<string, Role> = {
    owner: 'resident',
    stranger: 'resident',
    streetDispatcher: 'dispatcher',
    districtDispatcher: 'dispatcher',
    handler: 'handler',
    policeHandler: 'handler',
    hrssHandler: 'handler',
    gridWorker: 'grid_worker',
    leader: 'leader',
    admin: 'admin',
  };
  const WHO = Object.keys(ROLE_OF);

  // Three steps in four are "guided" (an action the table allows from the current status, by someone of a role
  // the table names) so runs reach deep into the graph; the rest are anything by anyone.
  const step = fc.record({
    guided: fc.integer({ min: 0, max: 3 }).map((n) => n < 3),
    pickAction: fc.nat(),
    pickActor: fc.nat(),
    who: fc.constantFrom(...WHO),
    action: fc.constantFrom(...ACTIONS),
    note: fc.option(fc.constantFrom('说明', '理由充分', '  '), { nil: undefined }),
    guidance: fc.option(fc.constant('建议诉讼'), { nil: undefined }),
    dep: fc.nat({ max: 3 }),
    assist: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
    outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: undefined }),
    satisfaction: fc.option(fc.constantFrom(...SATISFACTIONS), { nil: undefined }),
    method: fc.option(fc.constantFrom('phone', 'visit', 'sms'), { nil: undefined }),
  });

  it('30 runs × up to 12 steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 12 }), async (mediumRisk, steps) => {
        const tk = await w.report(owner.token, mediumRisk ? TEXT.medium : TEXT.low, PLACE.eastGrid1);
        let status = tk.status as TicketStatus;
        let successes = 0;
        for (const raw of steps) {
          const s = { ...raw };
          if (s.guided) {
            const legal = TRANSITIONS.filter((x) => x.from.includes(status));
            if (legal.length) {
              const tr = legal[s.pickAction % legal.length];
              const who = WHO.filter((k) => tr.roles.includes(ROLE_OF[k]));
              s.action = tr.action;
              s.who = who[s.pickActor % who.length];
              s.note ??= '说明';
              s.guidance ??= '建议诉讼';
              s.method ??= 'phone';
              s.outcome ??= 'handled';
              s.satisfaction ??= 'satisfied';
            }
          }
          const body: Record<string, unknown> = {
            ...(s.note !== undefined ? { note: s.note } : {}),
            ...(s.guidance ? { guidance: s.guidance } : {}),
            ...(s.action === 'dispatch' ? { departmentId: departments[s.dep] } : {}),
            ...(s.action === 'dispatch' && s.assist !== undefined ? { departmentIds: [departments[s.assist]] } : {}),
            ...(s.outcome ? { outcome: s.outcome } : {}),
            ...(s.satisfaction ? { satisfaction: s.satisfaction } : {}),
            ...(s.method ? { method: s.method } : {}),
          };
          const before = await w.row(tk.id);
          const r = await w.act(actors[s.who], tk.id, s.action, body);
          if (r.status === 200) {
            successes++;
            const to = r.body.status as TicketStatus;
            expect(STATUSES).toContain(to);
            expect((FINAL_STATUSES as readonly string[]).includes(status)).toBe(false);
            expect(transitionFor(s.action as TicketAction).from).toContain(status);
            expect(to).toBe(targetStatus(s.action as TicketAction, status, { satisfaction: s.satisfaction }) ?? status);
            status = to;
          } else {
            expect([400, 403, 404, 409]).toContain(r.status);
            expect(await w.row(tk.id)).toEqual(before);
          }
          expect(await w.historyCount(tk.id)).toBe(successes + 1);
        }
        expect((await w.row(tk.id)).status).toBe(status);
        if (process.env.PROP_STATS) console.log(`successes ${successes} final ${status}`);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
