import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { createConnection, type Connection } from 'mysql2/promise';
import type { Role } from '@zongzhi/shared';
import type { Res, TestApp } from '../helpers/test-app';

/** Report texts the triage engine reads as each risk level (neighbour/labour disputes). */
export const TEXT = {
  low: '邻居在楼道里堆放杂物,影响通行',
  medium: '邻居装修漏水到我家,多次协调未果,对方情绪激动,扬言要去上访',
  high: '三十多名农民工聚集在工地门口讨薪,扬言堵路拉横幅',
} as const;

/**
 * Points in the demo district (lng 116.30–116.50, lat 39.85–39.95): 东城 is
 * lng 116.30–116.40, 西城 116.40–116.50; the 幸福 communities lie south of
 * lat 39.90; each community has two grids split at the middle longitude.
 */
export const PLACE = {
  /** 东城幸福社区第1网格 (the demo grid worker's). */
  eastGrid1: { lat: 39.87, lng: 116.32 },
  /** 东城幸福社区第2网格. */
  eastGrid2: { lat: 39.87, lng: 116.37 },
  /** 西城幸福社区第1网格. */
  westGrid1: { lat: 39.87, lng: 116.42 },
  outside: { lat: 40.5, lng: 117.2 },
} as const;

export interface Ticket {
  id: string;
  caseCode: string;
  status: string;
  unitId: string;
  departmentId: string | null;
  history: { action: string; fromStatus: string | null; toStatus: string; note: string | null; data?: Record<string, unknown> | null }[];
  allowedActions: string[];
  [k: string]: unknown;
}

/** The demo organisation as ids, extra accounts on demand, and short-hands for the routes under test. */
export class World {
  private constructor(
    readonly t: TestApp,
    private readonly db: Connection,
    private readonly units: Map<string, string>,
    private readonly deps: Map<string, string>,
  ) {}

  static async create(t: TestApp): Promise<World> {
    const db = await createConnection(t.dbUrl);
    const [units] = await db.query('SELECT id, code FROM org_units');
    const [deps] = await db.query('SELECT d.id, d.code, u.code unit_code FROM departments d JOIN org_units u ON u.id = d.unit_id');
    return new World(
      t,
      db,
      new Map((units as { id: string; code: string }[]).map((u) => [u.code, u.id])),
      new Map((deps as { id: string; code: string; unit_code: string }[]).map((d) => [`${d.unit_code}/${d.code}`, d.id])),
    );
  }

  async close() {
    await this.db.end();
  }

  /** D01, D01S01 (东城), D01S02 (西城), D01S01C01, D01S01C01G01 … */
  unit(code: string): string {
    const id = this.units.get(code);
    if (!id) throw new Error(`no unit ${code}`);
    return id;
  }

  dep(unitCode: string, code: string): string {
    const id = this.deps.get(`${unitCode}/${code}`);
    if (!id) throw new Error(`no department ${code} at ${unitCode}`);
    return id;
  }

  /** A staff account created straight in the database (password demo1234), logged in. */
  async staff(role: Role, unitCode: string, opts: { department?: string; grid?: string } = {}): Promise<string> {
    const username = `${role}-${randomUUID().slice(0, 8)}`;
    await this.db.query(
      'INSERT INTO users (id, role, display_name, username, password_hash, unit_id, department_id, grid_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(3))',
      [
        randomUUID(),
        role,
        username,
        username,
        await hash('demo1234'),
        this.unit(unitCode),
        opts.department ? this.dep(unitCode, opts.department) : null,
        opts.grid ? this.unit(opts.grid) : null,
      ],
    );
    return this.t.staff(username);
  }

  async report(token: string, text: string, location?: { lat: number; lng: number }): Promise<Ticket> {
    const r = await this.t.req('POST', '/reports', { token, body: { text, ...(location ? { location } : {}) }, headers: { 'idempotency-key': randomUUID() } });
    if (r.status !== 201) throw new Error(`report: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  act(token: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<Res<Ticket & { code?: string; errors?: Record<string, string> }>> {
    return this.t.req('POST', `/tickets/${id}/actions`, { token, body: { action, ...body } });
  }

  /** Like `act`, but the action must succeed. */
  async must(token: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<Ticket> {
    const r = await this.act(token, id, action, body);
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  get(token: string, id: string): Promise<Res<Ticket>> {
    return this.t.req('GET', `/tickets/${id}`, { token });
  }

  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    const [rows] = await this.db.query(query, params);
    return rows as T[];
  }

  async historyCount(ticketId: string): Promise<number> {
    return Number((await this.sql<{ n: number }>('SELECT COUNT(*) n FROM ticket_history WHERE ticket_id = ?', [ticketId]))[0].n);
  }

  async row(ticketId: string): Promise<Record<string, unknown>> {
    return (await this.sql('SELECT * FROM tickets WHERE id = ?', [ticketId]))[0];
  }
}
