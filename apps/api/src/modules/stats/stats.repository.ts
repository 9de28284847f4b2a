import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeadlineColor } from '@zongzhi/shared';
import type { Period } from './period';

/**
 * Which tickets a figure counts: those queued at the viewer's centres (and,
 * for leaders/admins, those located in their area), optionally narrowed to
 * one unit (queued at it or below, or located in it). Placement is the
 * ticket's current one.
 */
export interface StatsScope {
  unitIds: string[];
  byLocation: boolean;
  filterUnitId?: string;
  filterUnitIds?: string[];
}

type Params = Record<string, unknown>;

/**
 * What counts as each event (by history `action`, never by status alone:
 * 督办 and 补充 rows repeat the current status).
 *
 * - 受理 (accepted): an `accept`; a `settle_on_site` (the grid worker took the
 *   matter in and settled it on the spot); or an intake row that already
 *   lands past `submitted` (a walk-in registered as accepted at the counter).
 * - 办结 (resolved): `feedback` or `settle_on_site`; a ticket resolved twice in
 *   the period (重办) counts once, by its last resolution.
 * - 评价: every `evaluate` row. 销号 (closed): `evaluate`/`return_visit` rows
 *   reaching `closed`.
 */
const ACCEPT_EVENT = `(h.action IN ('accept', 'settle_on_site') OR (h.action = 'submit' AND h.to_status NOT IN ('submitted', 'declined')))`;
const RESOLVE_ACTIONS = `('feedback', 'settle_on_site')`;

/** History data is JSON text (`simple-json`, JSON.stringify without spaces): a LIKE on it is portable. */
const DATA_HAS = (key: string, values: string[]) => `(${values.map((v) => `h.data LIKE '%"${key}":"${v}"%'`).join(' OR ')})`;

/** Same conditions as the ticket list's colour filter (stored yellow-from instants). */
export const COLOR_SQL: Record<DeadlineColor, string> = {
  red: `((t.status = 'dispatched' AND t.sign_deadline <= :now) OR (t.status = 'in_progress' AND t.resolve_deadline <= :now))`,
  yellow: `((t.status = 'dispatched' AND t.sign_yellow_at <= :now AND t.sign_deadline > :now) OR (t.status = 'in_progress' AND t.resolve_yellow_at <= :now AND t.resolve_deadline > :now))`,
  blue: `((t.status = 'dispatched' AND t.dispatched_at IS NOT NULL AND t.sign_yellow_at > :now) OR (t.status = 'in_progress' AND t.dispatched_at IS NOT NULL AND t.resolve_yellow_at > :now))`,
};

/** Columns a breakdown groups by. */
export const GROUP_COLUMNS = {
  category: 't.category',
  riskLevel: 't.risk_level',
  street: 't.street_id',
  community: 't.community_id',
  grid: 't.grid_id',
  department: 't.department_id',
  channel: 't.channel',
  unit: 't.unit_id',
} as const;
export type GroupColumn = keyof typeof GROUP_COLUMNS;

export interface OutcomeCounts {
  resolved: number;
  resolvedSuccessfully: number;
  resolvedOnTime: number;
}

export interface RedRow {
  id: string;
  case_code: string;
  status: string;
  text: string;
  category: string | null;
  risk_level: string | null;
  unit_id: string;
  department_id: string | null;
  sign_deadline: Date | string | null;
  resolve_deadline: Date | string | null;
  supervised: number | string;
}

const num = (v: unknown) => Number(v ?? 0) || 0;

/** Every figure is one aggregate query over `tickets` and `ticket_history`, in SQL that MariaDB and SQLite both run. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private async run<T = Record<string, unknown>>(sql: string, params: Params): Promise<T[]> {
    const [query, values] = this.db.driver.escapeQueryWithParameters(sql, params, {});
    return (await this.db.query(query, values)) as T[];
  }

  private scopeSql(s: StatsScope, p: Params): string {
    if (!s.unitIds.length) return '1 = 0';
    p.scopeUnits = s.unitIds;
    const parts = ['t.unit_id IN (:...scopeUnits)'];
    if (s.byLocation) parts.push('t.street_id IN (:...scopeUnits)', 't.community_id IN (:...scopeUnits)', 't.grid_id IN (:...scopeUnits)');
    let sql = `(${parts.join(' OR ')})`;
    if (s.filterUnitId && s.filterUnitIds?.length) {
      p.filterUnits = s.filterUnitIds;
      p.filterUnit = s.filterUnitId;
      sql += ` AND (t.unit_id IN (:...filterUnits) OR t.street_id = :filterUnit OR t.community_id = :filterUnit OR t.grid_id = :filterUnit)`;
    }
    return sql;
  }

  private period(p: Params, period: Period, col = 'h.at'): string {
    p.from = period.from;
    p.to = period.to;
    return `${col} >= :from AND ${col} < :to`;
  }

  /** 受理量, optionally grouped. */
  async accepted(s: StatsScope, period: Period, group?: GroupColumn): Promise<Map<string | null, number>> {
    const p: Params = {};
    const key = group ? GROUP_COLUMNS[group] : `'all'`;
    const rows = await this.run<{ k: string | null; n: unknown }>(
      `SELECT ${key} AS k, COUNT(DISTINCT h.ticket_id) AS n
         FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
        WHERE ${this.scopeSql(s, p)} AND ${this.period(p, period)} AND ${ACCEPT_EVENT}
        GROUP BY ${key}`,
      p,
    );
    return new Map(rows.map((r) => [r.k, num(r.n)]));
  }

  /** Tickets reported (created) in the period, optionally grouped. */
  async received(s: StatsScope, period: Period, group?: GroupColumn): Promise<Map<string | null, number>> {
    const p: Params = {};
    const key = group ? GROUP_COLUMNS[group] : `'all'`;
    const rows = await this.run<{ k: string | null; n: unknown }>(
      `SELECT ${key} AS k, COUNT(*) AS n FROM tickets t
        WHERE ${this.scopeSql(s, p)} AND ${this.period(p, period, 't.created_at')}
        GROUP BY ${key}`,
      p,
    );
    return new Map(rows.map((r) => [r.k, num(r.n)]));
  }

  /**
   * 办结 in the period, each ticket once (its last resolution in the period),
   * with how many were 化解 (mediated/handled) and how many in time: before
   * the ticket's resolve deadline (an approved extension moves it); a
   * settlement on the spot has no clock and is in time.
   */
  async resolved(s: StatsScope, period: Period, group?: GroupColumn): Promise<Map<string | null, OutcomeCounts>> {
    const p: Params = {};
    const key = group ? GROUP_COLUMNS[group] : `'all'`;
    const rows = await this.run<{ k: string | null; n: unknown; ok: unknown; ontime: unknown }>(
      `SELECT ${key} AS k,
              COUNT(*) AS n,
              SUM(CASE WHEN ${DATA_HAS('outcome', ['mediated', 'handled'])} THEN 1 ELSE 0 END) AS ok,
              SUM(CASE WHEN h.action = 'settle_on_site' THEN 1
                       WHEN t.resolve_deadline IS NOT NULL AND h.at <= t.resolve_deadline THEN 1 ELSE 0 END) AS ontime
         FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
        WHERE ${this.scopeSql(s, p)} AND ${this.period(p, period)} AND h.action IN ${RESOLVE_ACTIONS}
          AND NOT EXISTS (SELECT 1 FROM ticket_history h2
                           WHERE h2.ticket_id = h.ticket_id AND h2.action IN ${RESOLVE_ACTIONS}
                             AND h2.at >= :from AND h2.at < :to AND h2.seq > h.seq)
        GROUP BY ${key}`,
      p,
    );
    return new Map(rows.map((r) => [r.k, { resolved: num(r.n), resolvedSuccessfully: num(r.ok), resolvedOnTime: num(r.ontime) }]));
  }

  /** 评价 in the period: all, and 满意 + 基本满意. */
  async evaluations(s: StatsScope, period: Period): Promise<{ evaluations: number; satisfied: number }> {
    const p: Params = {};
    const [r] = await this.run<{ n: unknown; ok: unknown }>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN ${DATA_HAS('satisfaction', ['satisfied', 'basically_satisfied'])} THEN 1 ELSE 0 END) AS ok
         FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
        WHERE ${this.scopeSql(s, p)} AND ${this.period(p, period)} AND h.action = 'evaluate'`,
      p,
    );
    return { evaluations: num(r?.n), satisfied: num(r?.ok) };
  }

  /** 销号 in the period, and how many of those were closed by a 回访. */
  async closures(s: StatsScope, period: Period): Promise<{ closed: number; returnVisited: number }> {
    const p: Params = {};
    const [r] = await this.run<{ n: unknown; rv: unknown }>(
      `SELECT COUNT(DISTINCT h.ticket_id) AS n, COUNT(DISTINCT CASE WHEN h.action = 'return_visit' THEN h.ticket_id END) AS rv
         FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id
        WHERE ${this.scopeSql(s, p)} AND ${this.period(p, period)}
          AND h.action IN ('evaluate', 'return_visit') AND h.to_status = 'closed'`,
      p,
    );
    return { closed: num(r?.n), returnVisited: num(r?.rv) };
  }

  /** Open tickets by colour right now (a snapshot, not a period figure). */
  async openByColor(s: StatsScope, now: Date): Promise<Record<DeadlineColor, number>> {
    const p: Params = { now };
    const [r] = await this.run<Record<DeadlineColor, unknown>>(
      `SELECT SUM(CASE WHEN ${COLOR_SQL.blue} THEN 1 ELSE 0 END) AS blue,
              SUM(CASE WHEN ${COLOR_SQL.yellow} THEN 1 ELSE 0 END) AS yellow,
              SUM(CASE WHEN ${COLOR_SQL.red} THEN 1 ELSE 0 END) AS red
         FROM tickets t
        WHERE ${this.scopeSql(s, p)} AND t.status IN ('dispatched', 'in_progress')`,
      p,
    );
    return { blue: num(r?.blue), yellow: num(r?.yellow), red: num(r?.red) };
  }

  /** Counts per day: one SUM(CASE …) column per day, so no date function (which differs between MySQL and SQLite) is needed. */
  async daily(s: StatsScope, days: { start: Date; end: Date }[], kind: 'received' | 'accepted' | 'resolved'): Promise<number[]> {
    if (!days.length) return [];
    const p: Params = {};
    const col = kind === 'received' ? 't.created_at' : 'h.at';
    const sums = days
      .map((d, i) => {
        p[`s${i}`] = d.start;
        p[`e${i}`] = d.end;
        return kind === 'received'
          ? `SUM(CASE WHEN ${col} >= :s${i} AND ${col} < :e${i} THEN 1 ELSE 0 END) AS d${i}`
          : `COUNT(DISTINCT CASE WHEN ${col} >= :s${i} AND ${col} < :e${i} THEN h.ticket_id END) AS d${i}`;
      })
      .join(', ');
    const range = { from: days[0].start, to: days[days.length - 1].end };
    const where = `${this.scopeSql(s, p)} AND ${this.period(p, range, col)}`;
    const sql =
      kind === 'received'
        ? `SELECT ${sums} FROM tickets t WHERE ${where}`
        : `SELECT ${sums} FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id WHERE ${where} AND ${kind === 'accepted' ? ACCEPT_EVENT : `h.action IN ${RESOLVE_ACTIONS}`}`;
    const [r] = await this.run<Record<string, unknown>>(sql, p);
    return days.map((_, i) => num(r?.[`d${i}`]));
  }

  /** Overdue open tickets, longest overdue first, with how often they were already 督办. */
  async red(s: StatsScope, now: Date, limit: number): Promise<RedRow[]> {
    const p: Params = { now };
    return this.run<RedRow>(
      `SELECT t.id, t.case_code, t.status, t.text, t.category, t.risk_level, t.unit_id, t.department_id, t.sign_deadline, t.resolve_deadline,
              (SELECT COUNT(*) FROM ticket_history sv WHERE sv.ticket_id = t.id AND sv.action = 'supervise') AS supervised
         FROM tickets t
        WHERE ${this.scopeSql(s, p)} AND ${COLOR_SQL.red}
        ORDER BY CASE t.status WHEN 'dispatched' THEN t.sign_deadline ELSE t.resolve_deadline END ASC, t.id ASC
        LIMIT ${Math.max(1, Math.min(500, Math.floor(limit)))}`,
      p,
    );
  }

  /** Located reports of the period, for the map. */
  async points(s: StatsScope, period: Period, limit: number) {
    const p: Params = {};
    return this.run<{ id: string; case_code: string; lat: unknown; lng: unknown; risk_level: string | null; category: string | null; status: string }>(
      `SELECT t.id, t.case_code, t.lat, t.lng, t.risk_level, t.category, t.status FROM tickets t
        WHERE ${this.scopeSql(s, p)} AND ${this.period(p, period, 't.created_at')} AND t.lat IS NOT NULL AND t.lng IS NOT NULL
        ORDER BY t.created_at DESC LIMIT ${Math.max(1, Math.min(5000, Math.floor(limit)))}`,
      p,
    );
  }

  /** Units (with stored boundaries) of a subtree, for the map and the unit picker. */
  async units(ids: string[]) {
    if (!ids.length) return [];
    const rows = await this.run<{ id: string; code: string; name: string; level: string; parent_id: string | null; boundary: string | null }>(
      `SELECT id, code, name, level, parent_id, boundary FROM org_units WHERE id IN (:...ids) ORDER BY code`,
      { ids },
    );
    return rows.map((r) => ({ ...r, boundary: r.boundary ? (JSON.parse(r.boundary) as [number, number][]) : null }));
  }
}
