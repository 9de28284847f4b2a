import type { DeadlineColor } from '@zongzhi/shared';
import { request, type ApiResult } from './request';

export interface StatsQuery {
  from?: string;
  to?: string;
  unitId?: string;
}

export interface StatsSummary {
  from: string;
  to: string;
  received: number;
  accepted: number;
  resolved: number;
  resolvedSuccessfully: number;
  resolvedOnTime: number;
  evaluations: number;
  satisfied: number;
  closed: number;
  returnVisited: number;
  resolutionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  returnVisitRate: number | null;
  byCategory: Record<string, number>;
  byRiskLevel: Record<string, number>;
  byColor: Record<DeadlineColor, number>;
}

export type BreakdownBy = 'category' | 'riskLevel' | 'street' | 'community' | 'grid' | 'department' | 'channel';

export interface BreakdownItem {
  key: string | null;
  label: string;
  received: number;
  accepted: number;
  resolved: number;
}

export interface TrendDay {
  date: string;
  received: number;
  accepted: number;
  resolved: number;
}

export interface RedItem {
  id: string;
  caseCode: string;
  status: string;
  statusLabel: string;
  text: string;
  riskLevel: string | null;
  category: string | null;
  stage: 'sign' | 'resolve';
  deadline: string;
  overdueMinutes: number;
  departmentName: string | null;
  unitName: string | null;
  supervisedCount: number;
  allowedActions: string[];
}

export interface MapData {
  points: { id: string; caseCode: string; lat: number; lng: number; riskLevel: string | null; category: string | null; status: string }[];
  areas: { id: string; name: string; level: string; boundary: [number, number][] }[];
}

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

const q = (s: StatsQuery) => ({ from: s.from, to: s.to, unitId: s.unitId });

export const statsApi = {
  summary: (s: StatsQuery): Promise<ApiResult<StatsSummary>> => request<StatsSummary>('/stats/summary', { query: q(s) }),
  breakdown: (by: BreakdownBy, s: StatsQuery): Promise<ApiResult<{ items: BreakdownItem[] }>> =>
    request<{ items: BreakdownItem[] }>('/stats/breakdown', { query: { ...q(s), by } }),
  trend: (s: StatsQuery): Promise<ApiResult<{ days: TrendDay[] }>> => request<{ days: TrendDay[] }>('/stats/trend', { query: q(s) }),
  redList: (unitId?: string): Promise<ApiResult<{ items: RedItem[] }>> => request<{ items: RedItem[] }>('/stats/red-list', { query: { unitId } }),
  map: (s: StatsQuery): Promise<ApiResult<MapData>> => request<MapData>('/stats/map', { query: q(s) }),
  units: (): Promise<ApiResult<{ items: UnitOption[] }>> => request<{ items: UnitOption[] }>('/stats/units'),
};

export interface AreaWithParent extends MapAreaLite {
  parentId: string | null;
}
interface MapAreaLite {
  id: string;
  name: string;
  level: string;
  boundary: [number, number][];
}

/** Boundaries of the caller's district, for the small map on a ticket page (any staff). */
export function districtAreas(): Promise<ApiResult<{ items: AreaWithParent[] }>> {
  return request<{ items: AreaWithParent[] }>('/stats/areas', { quiet: true });
}
